/** The longest piece of a reader's input a message repeats; the rest is elided. */
export const MAX_QUOTED_LENGTH = 40;

/** A reader's input quoted in a message, cut short so 400 typed characters stay one line. */
export function quoted(text: string): string {
	const shown = text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text;
	return `“${shown}”`;
}
