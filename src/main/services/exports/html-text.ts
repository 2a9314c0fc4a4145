/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Multi-line text as paragraphs; each line break kept by CSS (white-space: pre-line), all of it escaped. */
export function htmlParagraphs(value: string, lead?: string): string {
  return value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p, i) => `<p>${i === 0 && lead ? `<strong>${escapeHtml(lead)}</strong> ` : ''}${escapeHtml(p)}</p>`)
    .join('');
}
