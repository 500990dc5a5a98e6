/**
 * Dockerfile checks on dockerfile-ast's parse. The parser never throws, so the problems are
 * ours: an instruction Docker does not know, one with no arguments, a build that does not start
 * with FROM (or ARG), a JSON-form command that is not JSON, a `COPY --from` naming no earlier stage
 * and no image. `unpinnedImages` lists every base image and `COPY --from` image without a fixed
 * version: no tag, or `latest`. Build-arg references (`python:${PY}-slim`) are resolved first.
 */
import { DockerfileParser, From, Copy, type Instruction } from 'dockerfile-ast';

const KNOWN_INSTRUCTIONS = new Set([
	'ADD',
	'ARG',
	'CMD',
	'COPY',
	'ENTRYPOINT',
	'ENV',
	'EXPOSE',
	'FROM',
	'HEALTHCHECK',
	'LABEL',
	'MAINTAINER',
	'ONBUILD',
	'RUN',
	'SHELL',
	'STOPSIGNAL',
	'USER',
	'VOLUME',
	'WORKDIR',
]);
const JSON_FORM = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'VOLUME', 'ADD', 'COPY']);

/** `line N: KEYWORD …` with 1-based lines, as a reader counts them. */
function at(instruction: Instruction, message: string): string {
	return `line ${instruction.getRange().start.line + 1}: ${instruction.getKeyword() || instruction.getInstruction()} ${message}`;
}

export interface ImageReference {
	name: string;
	tag?: string;
	digest?: string;
}

/** `ghcr.io/astral-sh/uv:0.5@sha256:…` → name, tag, digest. A `:` before the last `/` is a registry port. */
export function parseImageReference(reference: string): ImageReference {
	const [withTag = '', digest] = reference.split('@');
	const slash = withTag.lastIndexOf('/');
	const colon = withTag.lastIndexOf(':');
	const tagged = colon > slash;
	const image: ImageReference = { name: tagged ? withTag.slice(0, colon) : withTag };
	if (tagged) image.tag = withTag.slice(colon + 1);
	if (digest !== undefined) image.digest = digest;
	return image;
}

/** The image a FROM names, build args resolved; undefined when it names none. */
function fromImage(instruction: From): string | undefined {
	return instruction.getExpandedArguments()[0]?.getValue();
}

function stageNames(instructions: readonly Instruction[], before: number): string[] {
	return instructions
		.slice(0, before)
		.filter((instruction): instruction is From => instruction instanceof From)
		.flatMap((instruction) => instruction.getBuildStage()?.toLowerCase() ?? []);
}

/** What `COPY --from=` names: an earlier stage (by name or index) or an image reference. */
function copySource(
	instruction: Copy,
	instructions: readonly Instruction[],
): { stage: string } | { image: string } | undefined {
	const value = instruction.getFromFlag()?.getValue();
	if (value === undefined || value === null) return undefined;
	const index = instructions.indexOf(instruction);
	if (stageNames(instructions, index).includes(value.toLowerCase()) || /^\d+$/.test(value))
		return { stage: value };
	return { image: value };
}

export function dockerfileProblems(text: string): string[] {
	const instructions = DockerfileParser.parse(text).getInstructions();
	const problems: string[] = [];
	if (instructions.length === 0) return ['no instructions'];
	const firstBuildStep = instructions.find((instruction) => instruction.getKeyword() !== 'ARG');
	if (firstBuildStep?.getKeyword() !== 'FROM')
		problems.push(firstBuildStep ? at(firstBuildStep, 'comes before the first FROM') : 'no FROM');
	for (const instruction of instructions) {
		const keyword = instruction.getKeyword();
		if (!KNOWN_INSTRUCTIONS.has(keyword)) {
			problems.push(at(instruction, 'is not a Dockerfile instruction'));
			continue;
		}
		const args = instruction.getArgumentsContent();
		if (args === null || args.trim() === '') problems.push(at(instruction, 'has no arguments'));
		else if (JSON_FORM.has(keyword) && args.trimStart().startsWith('[')) {
			try {
				JSON.parse(args);
			} catch {
				problems.push(at(instruction, `starts a JSON array that does not parse: ${args}`));
			}
		}
		if (instruction instanceof From && args && !fromImage(instruction))
			problems.push(at(instruction, 'names no image'));
		if (instruction instanceof Copy) {
			const source = copySource(instruction, instructions);
			if (source && 'image' in source && !/[/:@]/.test(source.image))
				problems.push(at(instruction, `--from=${source.image} names no earlier stage`));
		}
	}
	return problems;
}

/** Why an image reference is not pinned, or undefined when it has a digest or a tag other than `latest`. */
function unpinned(reference: string): string | undefined {
	if (reference === 'scratch') return undefined;
	const { tag, digest } = parseImageReference(reference);
	if (digest) return undefined;
	if (tag === undefined) return 'has no tag';
	if (tag === 'latest') return 'is tagged latest';
	return undefined;
}

/** Every FROM image (not an earlier stage) and `COPY --from` image that is not pinned. */
export function unpinnedImages(text: string): string[] {
	const instructions = DockerfileParser.parse(text).getInstructions();
	const problems: string[] = [];
	instructions.forEach((instruction, index) => {
		let image: string | undefined;
		if (instruction instanceof From) {
			image = fromImage(instruction);
			if (image && stageNames(instructions, index).includes(image.toLowerCase())) image = undefined;
		} else if (instruction instanceof Copy) {
			const source = copySource(instruction, instructions);
			if (source && 'image' in source) image = source.image;
		}
		const why = image === undefined ? undefined : unpinned(image);
		if (why) problems.push(at(instruction, `image ${image} ${why}`));
	});
	return problems;
}
