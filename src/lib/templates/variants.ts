/**
 * The two tabs of a template with a hardened variant (Template.astro), and the key Starlight's
 * Tabs sync them by: search (site-search.ts) opens the tab that shows the line it found.
 */
export const TEMPLATE_VARIANT_SYNC_KEY = 'template-variant';
export const SHEET_VARIANT = 'Cheat sheet';
export const HARDENED_VARIANT = 'Hardened';
export type TemplateVariant = typeof SHEET_VARIANT | typeof HARDENED_VARIANT;

/**
 * Where Starlight keeps a synced tab choice (its Tabs component: `starlight-synced-tabs__` and the
 * sync key); the page's tabs restore it as the page loads. The search e2e test checks that a
 * result written here opens its tab.
 */
export const TEMPLATE_VARIANT_STORAGE_KEY = `starlight-synced-tabs__${TEMPLATE_VARIANT_SYNC_KEY}`;
