import {
	ExpressiveCodeAnnotation,
	type AnnotationRenderOptions,
	type ExpressiveCodePlugin,
} from '@astrojs/starlight/expressive-code';
import { h } from '@astrojs/starlight/expressive-code/hast';
import { placeRanges } from '#lib/settings/fill.ts';

/**
 * One declared place of a setting in a template (src/data/setting-places.ts), wrapped around the
 * highlighted tokens it covers: each token node keeps its colour span and gets a
 * `<span class="setting-value" data-setting="port" data-place="3" data-part="0">` around it. A
 * place that covers several token nodes gets one wrapper per node, numbered by `data-part`; the
 * page's settings script writes the new text into part 0 and empties the rest. The text is the
 * sheet's own, so search and a page without JavaScript show the defaults.
 */
class SettingPlaceAnnotation extends ExpressiveCodeAnnotation {
	override readonly name = 'setting-place';
	readonly setting: string;
	readonly place: number;

	constructor({
		setting,
		place,
		inlineRange,
	}: {
		setting: string;
		place: number;
		inlineRange: { columnStart: number; columnEnd: number };
	}) {
		super({ inlineRange });
		this.setting = setting;
		this.place = place;
	}

	render({ nodesToTransform }: AnnotationRenderOptions) {
		return nodesToTransform.map((node, part) =>
			h(
				'span',
				{
					className: ['setting-value'],
					dataSetting: this.setting,
					dataPlace: String(this.place),
					dataPart: String(part),
				},
				[node],
			),
		);
	}
}

/**
 * Marks the places of the reader's settings in a template whose `<Code>` carries
 * `meta="snippet=<file>"` (Template.astro), from `placeRanges` and nothing else: no text search.
 */
export const settingPlaces: ExpressiveCodePlugin = {
	name: 'setting-places',
	hooks: {
		annotateCode: ({ codeBlock }) => {
			const file = codeBlock.metaOptions.getString('snippet');
			if (!file) return;
			placeRanges(file).forEach((range, place) => {
				// placeRanges counts lines from 1, Expressive Code from 0.
				const line = codeBlock.getLine(range.line - 1);
				const text = line?.text.slice(range.start, range.end);
				if (!line || !text)
					throw new Error(
						`${file}: place ${place} (${range.setting}) at line ${range.line} is outside the code`,
					);
				line.addAnnotation(
					new SettingPlaceAnnotation({
						setting: range.setting,
						place,
						inlineRange: { columnStart: range.start, columnEnd: range.end },
					}),
				);
			});
		},
	},
};
