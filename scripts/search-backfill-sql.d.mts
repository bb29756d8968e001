export declare function noteSearchBackfill(options?: { limit?: number }): string[];
export declare const NOTE_SEARCH_BACKFILL: string[];
