/**
 * Where the offline note (fixed in a corner) goes so that it never hides the focused element
 * (WCAG 2.4.11 Focus Not Obscured): its usual place at the bottom, else the top, else out of
 * sight until focus moves on.
 */
export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

export type NotePlace = 'bottom' | 'top' | 'none';

export const overlaps = (a: Box, b: Box): boolean =>
	a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

/** `focused` is the focused element's box, or none when focus is on nothing the note could hide. */
export function notePlace(focused: Box | undefined, places: { bottom: Box; top: Box }): NotePlace {
	if (!focused || !overlaps(focused, places.bottom)) return 'bottom';
	if (!overlaps(focused, places.top)) return 'top';
	return 'none';
}
