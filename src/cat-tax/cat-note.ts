import { normaliseTopic } from "../topics/normalise";

/** Topics that make a note a cat note, as stored (normalised): #CatTax, #猫税 and Traditional #貓稅. */
export const CAT_TAX_TOPICS: readonly string[] = ["cattax", "猫税", "貓稅"].map(normaliseTopic);

/** A note takes cat tax when its author marked it a cat note or it carries a cat tax topic. */
export const isCatNote = (note: { isCatNote: boolean }, topics: readonly string[]) =>
  note.isCatNote || topics.some((topic) => CAT_TAX_TOPICS.includes(topic));
