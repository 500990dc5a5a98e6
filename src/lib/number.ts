/**
 * The site's one rule for a number typed into a field: a plain decimal such as `2`, `1.5`, `0.25`
 * or `.5`, spaces around it ignored. A sign is read (so `-2` gets the field's range message rather
 * than "not a number"). Everything JavaScript's `Number()` would also read — `1e3`, `Infinity`,
 * `0x10`, an empty string as 0 — is refused, so every field takes exactly what a reader would
 * write by hand. Range checks stay with each field.
 */
import { quoted } from './quote.ts';

const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const EXPONENT = /^[+-]?(\d+(\.\d*)?|\.\d+)e[+-]?\d+$/i;

export interface NumberMessages {
	/** The field is empty: what to enter. */
	empty: string;
	/** The text is no number at all (`lots`, `NaN`); gets the trimmed text. */
	notANumber?: (text: string) => string;
}

export type ParsedNumber = { value: number } | { error: string };

export function parseDecimal(text: string, messages: NumberMessages): ParsedNumber {
	const trimmed = text.trim();
	if (!trimmed) return { error: messages.empty };
	if (PLAIN_DECIMAL.test(trimmed)) return { value: Number(trimmed) };
	// A comma is a decimal comma or a thousands separator: either way the fix is the same.
	if (trimmed.includes(','))
		return {
			error: `${quoted(trimmed)}: write it without commas, with a dot for decimals, such as 1.5.`,
		};
	if (EXPONENT.test(trimmed))
		return { error: `${quoted(trimmed)}: write the number in plain digits, without an exponent.` };
	return { error: messages.notANumber?.(trimmed) ?? `${quoted(trimmed)} is not a number.` };
}
