/**
 * Which lines of a text are new against another, by a longest common subsequence of whole lines:
 * what the Hardened variant of a template marks as inserted (Expressive Code `ins`), computed at
 * build time from the two files, never written by hand. Pure; the templates are short (a few
 * dozen lines), so the plain O(n·m) table is enough.
 */

/** 1-based numbers of the lines of `after` that are not in a longest common subsequence with `before`. */
export function insertedLines(before: string, after: string): number[] {
	const a = before.split('\n');
	const b = after.split('\n');
	// lengths[i][j]: LCS length of a[i..] and b[j..].
	const lengths = Array.from({ length: a.length + 1 }, () =>
		new Array<number>(b.length + 1).fill(0),
	);
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lengths[i]![j] =
				a[i] === b[j]
					? lengths[i + 1]![j + 1]! + 1
					: Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
		}
	}
	const inserted: number[] = [];
	let i = 0;
	let j = 0;
	while (j < b.length) {
		if (i < a.length && a[i] === b[j]) {
			i++;
			j++;
		} else if (i < a.length && lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
			i++;
		} else {
			inserted.push(j + 1);
			j++;
		}
	}
	return inserted;
}

/** Line numbers as Expressive Code's range syntax: `[1, 2, 3, 5]` → `1-3,5`. */
export function lineRanges(lines: readonly number[]): string {
	const ranges: string[] = [];
	for (let k = 0; k < lines.length; k++) {
		const start = lines[k]!;
		let end = start;
		while (lines[k + 1] === end + 1) end = lines[++k]!;
		ranges.push(start === end ? String(start) : `${start}-${end}`);
	}
	return ranges.join(',');
}
