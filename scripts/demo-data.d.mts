// Types for demo-data.mjs, so the TypeScript test can read the demo.
type Iso = string;

export type DemoUser = {
  phone: { region: string; number: string };
  nickname: string;
  bio: string;
  languages: string[];
  ip: { country: string; region: string | null };
  joined: Iso;
};

export type DemoComment = {
  by: string;
  /** Whose earlier comment in the thread a reply answers; its top-level comment when left out. */
  to?: string;
  /** After the note was posted: "25m", "3h", "1d". */
  after: string;
  language: string;
  body: string;
  replies?: DemoComment[];
};

export type DemoNote = {
  author: string;
  at: Iso;
  language: string;
  title: string;
  body: string;
  topics: string[];
  media: { type: "image" | "video"; url: string; width: number; height: number; alt?: string }[];
  place: { name: string; latitude: number; longitude: number } | null;
  comments: DemoComment[];
};

export const DEMO_PASSWORD: string;
export const users: Record<string, DemoUser>;
export const notes: Record<string, DemoNote>;
export const likes: Record<string, string[]>;
export const collects: Record<string, string[]>;
export const follows: Record<string, string[]>;
