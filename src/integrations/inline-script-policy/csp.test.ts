import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	compareScriptHashes,
	hashSource,
	inlineScripts,
	parsePolicy,
	withScriptHashes,
} from './csp.ts';

describe('inlineScripts', () => {
	it('takes the raw text of inline scripts, classic and module, and skips files and empty ones', () => {
		const html = [
			'<script>a()</script>',
			'<script type="module">import("/x.js")</script>',
			'<script src="/_astro/page.js"></script>',
			'<script type="module" src="/y.js"></script>',
			'<script></script>',
			'<SCRIPT data-x="1>2">\n\tb();\n</SCRIPT >',
		].join('');
		assert.deepEqual(inlineScripts(html), ['a()', 'import("/x.js")', '\n\tb();\n']);
	});

	it('keeps entities as written and ends a script at the first closing tag', () => {
		assert.deepEqual(
			inlineScripts('<script>if (a &amp;&amp; b) "<p>"</script><p>text</p><script>c()</script>'),
			['if (a &amp;&amp; b) "<p>"', 'c()'],
		);
	});

	it('hashes the text as the browser sees it, with CR LF read as LF', () => {
		assert.deepEqual(inlineScripts('<script>a();\r\nb();\rc();</script>'), ['a();\nb();\nc();']);
	});
});

describe('hashSource', () => {
	it('is the base64 SHA-256 of the UTF-8 text, quoted as a CSP source', () => {
		// printf 'alert(1)' | openssl dgst -sha256 -binary | base64 (and the same for 'é')
		assert.equal(hashSource('alert(1)'), "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
		assert.equal(hashSource('é'), "'sha256-SplVfkAzw1Od4utlRyAXytX5VX96BiWgnxw/biumnEw='");
	});
});

describe('parsePolicy', () => {
	it('reads directives by lower-case name; the first of a repeated one wins', () => {
		const policy = parsePolicy("default-src 'self'; Script-Src 'self' 'sha256-a='; script-src *;");
		assert.deepEqual(policy.get('script-src'), ["'self'", "'sha256-a='"]);
		assert.deepEqual(policy.get('default-src'), ["'self'"]);
		assert.equal(policy.size, 2);
	});
});

describe('compareScriptHashes', () => {
	const policy = `default-src 'self'; script-src 'self' ${hashSource('a()')} ${hashSource('old()')}; style-src 'self' ${hashSource('b()')}`;

	it('names the scripts no hash allows and the hashes no script needs', () => {
		assert.deepEqual(compareScriptHashes(policy, ['a()', 'a()', 'b()']), {
			missing: [hashSource('b()')],
			unused: [hashSource('old()')],
		});
	});

	it('finds nothing to say when hashes and scripts agree', () => {
		assert.deepEqual(compareScriptHashes(policy, ['a()', 'old()']), { missing: [], unused: [] });
	});

	it('reads default-src where the policy has no script-src, as browsers do', () => {
		assert.deepEqual(compareScriptHashes("default-src 'self'", ['a()']).missing, [
			hashSource('a()'),
		]);
		assert.deepEqual(
			compareScriptHashes(`default-src 'self' ${hashSource('a()')}`, ['a()']).missing,
			[],
		);
	});
});

describe('withScriptHashes', () => {
	it('replaces the hashes of script-src and leaves every other source and directive alone', () => {
		const policy =
			"default-src 'self'; script-src 'self' 'sha256-old=' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline';";
		assert.equal(
			withScriptHashes(policy, ["'sha256-b='", "'sha256-a='"]),
			"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a=' 'sha256-b='; style-src 'self' 'unsafe-inline'",
		);
	});
});
