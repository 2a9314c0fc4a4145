/**
 * The minutes' HTML with its calendar dates in the app's date style, for the preview on the meeting's page.
 *
 * The exported files keep ISO dates (2026-11-30): they are read on other machines, in other locales and by scripts,
 * where only a locale-independent date means one day to everyone. The page shows dates as the rest of the app
 * does, so the preview formats them as `datesIn` does any text main wrote. Only text between tags is touched
 * (never an attribute, a style or the meeting's id); `day` answers letters, digits and punctuation, escaped anyway.
 */
export function previewDates(html: string, day: (isoDate: string) => string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => escapeText(day(iso)))}<`);
}

const escapeText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
