// Client components here translate: the catalogue comes with these pages (components/ClientMessages.tsx).
export { default } from '@/components/ClientMessages';
