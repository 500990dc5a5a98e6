import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import { selectAll } from '@astrojs/starlight/expressive-code/hast';

/**
 * Leaves a frame's chrome out of the search index: the copy button with its "Copied!" message,
 * and the frame's name for screen readers ("Terminal window"). A frame's visible title stays:
 * it is the file name the sheet gives its template.
 */
export const pagefindIgnoresFrameChrome: ExpressiveCodePlugin = {
	name: 'pagefind-ignores-frame-chrome',
	hooks: {
		postprocessRenderedBlock: ({ renderData }) => {
			for (const element of selectAll('figcaption .sr-only, .copy', renderData.blockAst)) {
				element.properties['dataPagefindIgnore'] = 'all';
			}
		},
	},
};
