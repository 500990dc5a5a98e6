// @ts-check
/**
 * Expressive Code options that are functions, which astro.config.mjs cannot hold when the
 * `<Code>` component is used (Starlight merges this file with the options there).
 */
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pagefindIgnoresFrameChrome } from '#integrations/expressive-code/pagefind-ignores-frame-chrome.ts';
import { settingPlaces } from '#integrations/expressive-code/setting-places.ts';

export default defineEcConfig({
	plugins: [pagefindIgnoresFrameChrome, settingPlaces],
});
