import { startPopup } from '@/entrypoints/popup/startup';
import '@/entrypoints/popup/style.css';

startPopup(document.getElementById('app')!);
