export declare const readMediaFixtures: () => Record<string, string>;
