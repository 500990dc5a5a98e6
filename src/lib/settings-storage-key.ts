/**
 * The one localStorage key of the reader's settings; a new format gets a new version here and in
 * the stored JSON (settings.ts). A module of its own so that the small script every page loads
 * can ask whether anything is stored without bringing the settings' rules along.
 */
export const SETTINGS_STORAGE_KEY = 'cheat-sheet:settings:v1';
