// Suite entry for the harness self-test. The extension host require()s this file (given as
// extensionTestsPath) and awaits run(), as @vscode/test-electron does.
const path = require('path');
const { runMochaSuite } = require('../mocha-runner.cjs');

exports.run = () => runMochaSuite({ files: [path.join(__dirname, 'hello.test.js')] });
