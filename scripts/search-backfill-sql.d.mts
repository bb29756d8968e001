export declare const NOTE_SEARCH_BACKFILL: string[];
