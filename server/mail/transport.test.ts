import { describe, expect, it } from 'vitest';
import { devMailBlock } from '@/server/mail/transport';

describe('devMailBlock', () => {
  it('prints every link on a line of its own, readable', () => {
    const block = devMailBlock({
      to: 'ana@example.org',
      subject: 'Connexion à Chemins (localhost:3000)',
      text: 'Bonjour,\n\nOuvrez ce lien (valable 30 minutes) :\nhttp://localhost:3000/api/auth/callback/email?token=abc&email=ana%40example.org\n\n— \nSign in to Chemins: http://localhost:3000/x?y=1\n',
    });
    const lines = block.split('\n');
    expect(lines).toContain('http://localhost:3000/api/auth/callback/email?token=abc&email=ana%40example.org');
    expect(lines).toContain('http://localhost:3000/x?y=1');
    expect(lines).toContain('Subject: Connexion à Chemins (localhost:3000)');
    expect(block).not.toContain('\\n');
  });
});
