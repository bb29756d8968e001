/*
 * Which Chinese characters belong to one script only, from OpenCC's
 * Traditional → Simplified character table (29 KB; the other direction's
 * phrase table is 1 MB and only loaded to convert, see translation/chinese-script.ts).
 */
import TSCharacters from "opencc-js/dict/TSCharacters";

let traditionalOnly: Set<string> | undefined;
let simplifiedOnly: Set<string> | undefined;

function load() {
  traditionalOnly = new Set();
  const simplifiedForms = new Set<string>();
  for (const entry of TSCharacters.split("|")) {
    const [traditional, ...simplified] = entry.split(" ");
    if (!traditional || simplified.includes(traditional)) continue;
    traditionalOnly.add(traditional);
    for (const form of simplified) simplifiedForms.add(form);
  }
  simplifiedOnly = new Set([...simplifiedForms].filter((form) => !traditionalOnly!.has(form)));
}

export function isTraditionalOnly(char: string): boolean {
  if (!traditionalOnly) load();
  return traditionalOnly!.has(char);
}

export function isSimplifiedOnly(char: string): boolean {
  if (!simplifiedOnly) load();
  return simplifiedOnly!.has(char);
}
