// @ts-check
/**
 * Expressive Code options that are functions, which astro.config.mjs cannot hold when the
 * `<Code>` component is used (Starlight merges this file with the options there).
 */
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { ExpressiveCodeAnnotation } from '@astrojs/starlight/expressive-code';
import { h, selectAll } from '@astrojs/starlight/expressive-code/hast';
import { placeRanges } from './src/lib/fill.ts';

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

/**
 * One declared place of a setting in a template (src/data/setting-places.ts), wrapped around the
 * highlighted tokens it covers: each token node keeps its colour span and gets a
 * `<span class="setting-value" data-setting="port" data-place="3" data-part="0">` around it. A
 * place that covers several token nodes gets one wrapper per node, numbered by `data-part`; the
 * page's settings script writes the new text into part 0 and empties the rest. The text is the
 * sheet's own, so search and a page without JavaScript show the defaults.
 */
class SettingPlaceAnnotation extends ExpressiveCodeAnnotation {
	/** @param {{ setting: string, place: number, inlineRange: { columnStart: number, columnEnd: number } }} options */
	constructor({ setting, place, inlineRange }) {
		super({ inlineRange });
		this.name = 'setting-place';
		this.setting = setting;
		this.place = place;
	}

	/** @param {import('@astrojs/starlight/expressive-code').AnnotationRenderOptions} options */
	render({ nodesToTransform }) {
		return nodesToTransform.map((node, part) =>
			h('span', { className: ['setting-value'], dataSetting: this.setting, dataPlace: String(this.place), dataPart: String(part) }, [node]),
		);
	}
}

/**
 * Marks the places of the reader's settings in a template whose `<Code>` carries
 * `meta="snippet=<file>"` (Template.astro), from `placeRanges` and nothing else: no text search.
 * @type {import('@astrojs/starlight/expressive-code').ExpressiveCodePlugin}
 */
const settingPlaces = {
	name: 'setting-places',
	hooks: {
		annotateCode: ({ codeBlock }) => {
			const file = codeBlock.metaOptions.getString('snippet');
			if (!file) return;
			placeRanges(file).forEach((range, place) => {
				// placeRanges counts lines from 1, Expressive Code from 0.
				const line = codeBlock.getLine(range.line - 1);
				const text = line?.text.slice(range.start, range.end);
				if (!line || !text) throw new Error(`${file}: place ${place} (${range.setting}) at line ${range.line} is outside the code`);
				line.addAnnotation(new SettingPlaceAnnotation({ setting: range.setting, place, inlineRange: { columnStart: range.start, columnEnd: range.end } }));
			});
		},
	},
};

export default defineEcConfig({
	plugins: [pagefindIgnoresFrameChrome, settingPlaces],
});
