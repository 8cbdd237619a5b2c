import { startServer } from './app.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? 'localhost';
const { url } = await startServer({ port, host });
console.log(`co-design-studio demo: ${url}/`);
console.log(`  templates: ${url}/templates/roadster.json, ${url}/templates/sneaker.json, ${url}/templates/skate-deck.json`);
