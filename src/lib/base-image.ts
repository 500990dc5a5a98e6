import { baseImageRows, type BaseImageId } from '../data/base-images.ts';
import { cellText } from './sheet.ts';

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

/** The sheet's decision, in the sheet's own terms: which row fits, and why. */
export function recommendBaseImage(answers: BaseImageAnswers): BaseImageRecommendation {
	const { id, reason } = decide(answers);
	const row = baseImageRows.find((entry) => entry.id === id);
	return { id, image: cellText(row?.cells.image ?? id), reason };
}

function decide(answers: BaseImageAnswers): { id: BaseImageId; reason: string } {
	if (answers.buildToolsAtRuntime) {
		return {
			id: 'full',
			reason:
				'You need build tools in the final image, and only python:3.12 (~1 GB) has them. The sheet says avoid it: compile in the build stage of the multi-stage Dockerfile instead, and the runtime can stay slim.',
		};
	}
	if (answers.sizeCritical && !answers.cExtensions) {
		return {
			id: 'alpine',
			reason: 'Size is critical and your code is pure Python, no C extensions: python:3.12-alpine (~50 MB) fits.',
		};
	}
	return {
		id: 'slim',
		reason: answers.cExtensions
			? 'Default choice: pre-built wheels work on slim. Alpine is for pure Python only, no C extensions, so the smaller image is not for you.'
			: 'Default choice: pre-built wheels work, and it is a tenth of the full image.',
	};
}
