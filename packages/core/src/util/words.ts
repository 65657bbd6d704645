/** `1 error`, `2 errors`: counts in messages and reports. */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A date as the format writes it, `YYYY-MM-DD` (whether the day exists is the schema's `format: date`). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
