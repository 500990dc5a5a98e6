/** Prints in the light theme whatever theme is on screen: dark code blocks waste toner and read badly on paper. */
export function printInLightTheme() {
	let screenTheme: string | undefined;
	window.addEventListener('beforeprint', () => {
		screenTheme = document.documentElement.dataset['theme'];
		document.documentElement.dataset['theme'] = 'light';
	});
	window.addEventListener('afterprint', () => {
		if (screenTheme) document.documentElement.dataset['theme'] = screenTheme;
	});
}
