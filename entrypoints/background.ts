import { startBackground } from '@/utils/background/start-background';

export default defineBackground(() => startBackground());
