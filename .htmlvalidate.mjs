/**
 * html-validate over every built page (`npm run test:html`). The recommended rules hold for our
 * own markup; each relaxation below is for markup that Astro, Starlight or Expressive Code emit.
 */
export default {
	extends: ['html-validate:recommended'],
	elements: [
		'html5',
		{
			// Expressive Code writes each code line as a <div class="ec-line"> inside <code>, and a
			// <div> inside its copy button; browsers and screen readers handle both.
			code: { permittedContent: ['@phrasing', 'div'] },
			button: { permittedContent: ['@phrasing', 'div'] },
		},
	],
	rules: {
		// Astro writes void elements self-closed (`<meta … />`), which HTML allows.
		'void-style': 'off',
		// Starlight's `<h1 id="_top">`: any id without white space is valid HTML.
		'valid-id': ['error', { relaxed: true }],
		// Starlight's menu and search buttons and Expressive Code's copy button have no `type`
		// (outside a form it does not matter); ours all say it.
		'no-implicit-button-type': 'off',
		// Expressive Code's copy button is named by its `title` ("Copy to clipboard"), which axe
		// accepts as its accessible name; axe checks every page for buttons without a name.
		'text-content': 'off',
		// Starlight's search dialog carries `style="padding:0"`.
		'no-inline-style': 'off',
		// Starlight's table of contents is rendered twice (desktop and mobile), both labelled
		// "On this page"; only one is shown at a time.
		'unique-landmark': 'off',
		// Page titles are the sheet's own headings plus the site name.
		'long-title': 'off',
		// WCAG technique H32 (a submit button) is for forms that submit. Our three tools are forms
		// for their FormData and landmark, and compute as the reader types: there is nothing to
		// submit, and a submit button would be a button that does nothing.
		'wcag/h32': 'off',
		// Starlight's tabs (the template variants) write `<li role="presentation">`; ARIA 1.2 makes
		// role="none" and role="presentation" synonyms. One spelling is still required everywhere:
		// Starlight's.
		'presentation-role-style': ['error', { prefer: 'presentation' }],
	},
};
