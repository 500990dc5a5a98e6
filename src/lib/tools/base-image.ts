import { baseImageRows, type BaseImageId, type BaseImageRow } from '#data/base-images.ts';
import { defaultSettings, validateSetting } from '#lib/settings/rules.ts';

export interface BaseImageAnswers {
	/** Does any dependency have C extensions (compiled code)? */
	cExtensions: boolean;
	/** Must compilers and headers be in the final image? */
	buildToolsAtRuntime: boolean;
	/** Is the image's size critical? */
	sizeCritical: boolean;
}

export interface BaseImageRecommendation {
	id: BaseImageId;
	/** The image as the table names it: `python:3.12-slim`. */
	image: string;
	reason: string;
}

/** The Python setting, checked: a version that fails its rule never reaches the page. */
function checkedPython(python: string): string {
	const checked = validateSetting('python', python);
	if ('error' in checked) throw new Error(`Setting python: ${checked.error}`);
	return checked.value;
}

function rowOf(id: BaseImageId): BaseImageRow {
	const row = baseImageRows.find((entry) => entry.id === id);
	if (!row) throw new Error(`No base image ${id}`);
	return row;
}

/** An image's name for a Python version: `python:3.13-slim`; at the default, the table's own text. */
export function baseImageName(id: BaseImageId, python: string = defaultSettings.python): string {
	return `python:${checkedPython(python)}${rowOf(id).tagSuffix}`;
}

/** The table's rows with the image cells for a Python version; at the default, the rows themselves. */
export function baseImageRowsFor(python: string = defaultSettings.python): BaseImageRow[] {
	return baseImageRows.map((row) => ({
		...row,
		cells: { ...row.cells, image: `\`${baseImageName(row.id, python)}\`` },
	}));
}

/** The sheet's decision, in the sheet's own terms: which row fits, and why, for a Python version (3.12, the sheet's, by default). */
export function recommendBaseImage(
	answers: BaseImageAnswers,
	python: string = defaultSettings.python,
): BaseImageRecommendation {
	const { id, reason } = decide(answers, (image) => baseImageName(image, python));
	return { id, image: baseImageName(id, python), reason };
}

function decide(
	answers: BaseImageAnswers,
	image: (id: BaseImageId) => string,
): { id: BaseImageId; reason: string } {
	if (answers.buildToolsAtRuntime) {
		return {
			id: 'full',
			reason: `You need build tools in the final image, and only ${image('full')} (~1 GB) has them. The sheet says avoid it: compile in the build stage of the multi-stage Dockerfile instead, and the runtime can stay slim.`,
		};
	}
	if (answers.sizeCritical && !answers.cExtensions) {
		return {
			id: 'alpine',
			reason: `Size is critical and your code is pure Python, no C extensions: ${image('alpine')} (~50 MB) fits.`,
		};
	}
	return {
		id: 'slim',
		reason: answers.cExtensions
			? 'Default choice: pre-built wheels work on slim. Alpine is for pure Python only, no C extensions, so the smaller image is not for you.'
			: 'Default choice: pre-built wheels work, and it is a tenth of the full image.',
	};
}
