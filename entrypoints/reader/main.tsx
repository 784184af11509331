import { render } from 'preact';

render(<p>Reference article</p>, document.getElementById('app')!);
