import { startPopup } from './startup';
import './style.css';

startPopup(document.getElementById('app')!);
