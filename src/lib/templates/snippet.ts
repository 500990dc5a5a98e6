/**
 * A snippet's template text is its file without the file's final newline: files end with a
 * newline as text files should, the sheet's code blocks (and the copy button) do not.
 */
export function snippetText(fileContent: string): string {
	return fileContent.endsWith('\n') ? fileContent.slice(0, -1) : fileContent;
}
