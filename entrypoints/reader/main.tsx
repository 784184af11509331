import { render } from 'preact';
import '../../components/styles.css';
import { Reader } from './Reader';

const root = document.getElementById('app');
if (root) render(<Reader />, root);
