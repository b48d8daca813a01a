import { serveCountsInWorker } from '@/utils/counting/worker-counter';

serveCountsInWorker();
