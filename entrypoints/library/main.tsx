import { render } from 'preact';
import '../../components/styles.css';
import '../popup/library.css';
import './library.css';
import { LibraryPage } from './LibraryPage';

const root = document.getElementById('app');
if (root) render(<LibraryPage />, root);
