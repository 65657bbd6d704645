/** Plain `YYYY-MM-DD` date arithmetic in UTC. */

const DAY = 86_400_000;

/**
 * @param {string} date YYYY-MM-DD
 * @param {number} days may be negative
 * @returns {string}
 */
export function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * @param {string} date YYYY-MM-DD
 * @returns {string} such as "March 2026"
 */
export function monthName(date) {
  return new Date(`${date}T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
