// @ts-check
/**
 * Expressive Code options that are functions, which astro.config.mjs cannot hold when the
 * `<Code>` component is used (Starlight merges this file with the options there).
 */
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { selectAll } from '@astrojs/starlight/expressive-code/hast';

/**
 * Leaves a frame's chrome out of the search index: the copy button with its "Copied!" message,
 * and the frame's name for screen readers ("Terminal window"). A frame's visible title stays:
 * it is the file name the sheet gives its template.
 * @type {import('@astrojs/starlight/expressive-code').ExpressiveCodePlugin}
 */
const pagefindIgnoresFrameChrome = {
	name: 'pagefind-ignores-frame-chrome',
	hooks: {
		postprocessRenderedBlock: ({ renderData }) => {
			for (const element of selectAll('figcaption .sr-only, .copy', renderData.blockAst)) {
				element.properties['dataPagefindIgnore'] = 'all';
			}
		},
	},
};

export default defineEcConfig({
	plugins: [pagefindIgnoresFrameChrome],
});
