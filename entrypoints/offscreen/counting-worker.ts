import { serveCountsInWorker } from '@/utils/background/counting/worker-counter';

serveCountsInWorker();
