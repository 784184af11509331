import { render } from 'preact';

render(<p>Quote Check</p>, document.getElementById('app')!);
