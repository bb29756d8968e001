/** Latin letters or digits at the edge of a name get a space from the Chinese around them. */
const spaced = (name: string) => name.replace(/^(?=[\p{Script=Latin}\p{N}])/u, " ").replace(/(?<=[\p{Script=Latin}\p{N}])$/u, " ");

/**
 * The receipt people screenshot, in Chinese and English.
 * @example receiptText(42, "Lili") // "猫税收据 · CAT TAX RECEIPT No. 0042 — 已全额缴纳给 Lili 的主人 · paid in full to Lili's owner"
 */
export function receiptText(serial: number, catName: string | null): string {
  const number = receiptNumber(serial);
  const paidTo = catName
    ? `已全额缴纳给${spaced(catName)}的主人 · paid in full to ${catName}'s owner`
    : "已全额缴纳给猫主人 · paid in full to the cat's owner";
  return `猫税收据 · CAT TAX RECEIPT No. ${number} — ${paidTo}`;
}

export const receiptNumber = (serial: number) => String(serial).padStart(4, "0");
