import { describe, expect, it } from 'vitest';
import { mediaEmbed } from './media-embed';

describe('mediaEmbed', () => {
  it('embeds YouTube videos through youtube-nocookie, whatever the URL form', () => {
    for (const u of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
      'https://youtu.be/dQw4w9WgXcQ',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://m.youtube.com/shorts/dQw4w9WgXcQ',
    ]) {
      expect(mediaEmbed(u), u).toMatchObject({ kind: 'iframe', host: 'youtube', src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' });
    }
  });

  it('embeds Vimeo videos by their number', () => {
    expect(mediaEmbed('https://vimeo.com/76979871')).toMatchObject({ kind: 'iframe', src: 'https://player.vimeo.com/video/76979871?dnt=1' });
    expect(mediaEmbed('https://player.vimeo.com/video/76979871')).toMatchObject({ kind: 'iframe', host: 'vimeo' });
  });

  it('embeds PeerTube videos only on allowlisted instances', () => {
    const id = '9c9de5e8-0a1e-484a-b099-e80766180a6d';
    expect(mediaEmbed(`https://framatube.org/w/${id}`)).toMatchObject({ kind: 'iframe', host: 'peertube', src: `https://framatube.org/videos/embed/${id}` });
    expect(mediaEmbed(`https://framatube.org/videos/watch/${id}`)).toMatchObject({ kind: 'iframe' });
    expect(mediaEmbed(`https://peertube.example/w/${id}`)).toEqual({ kind: 'link', url: `https://peertube.example/w/${id}` });
    expect(mediaEmbed(`https://peertube.example/w/${id}`, ['peertube.example'])).toMatchObject({ kind: 'iframe' });
  });

  it('shows anything else as a plain link, and a lookalike host is not a known host', () => {
    expect(mediaEmbed('https://example.org/film.mp4')).toEqual({ kind: 'link', url: 'https://example.org/film.mp4' });
    expect(mediaEmbed('https://youtube.com.evil.test/watch?v=dQw4w9WgXcQ')).toMatchObject({ kind: 'link' });
    expect(mediaEmbed('https://evil.test/?u=https://youtu.be/dQw4w9WgXcQ')).toMatchObject({ kind: 'link' });
    expect(mediaEmbed('http://www.youtube.com/watch?v=dQw4w9WgXcQ')).toMatchObject({ kind: 'link' });
  });

  it('never builds an iframe from an id that is not an id', () => {
    expect(mediaEmbed('https://www.youtube.com/watch?v=%22%3E%3Cscript%3E')).toMatchObject({ kind: 'link' });
    expect(mediaEmbed('https://vimeo.com/abc"onload=x')).toMatchObject({ kind: 'link' });
  });

  it('refuses what is not an http(s) URL', () => {
    expect(mediaEmbed('javascript:alert(1)')).toEqual({ kind: 'none' });
    expect(mediaEmbed('data:text/html,x')).toEqual({ kind: 'none' });
    expect(mediaEmbed('pas une url')).toEqual({ kind: 'none' });
    expect(mediaEmbed('')).toEqual({ kind: 'none' });
    expect(mediaEmbed(null)).toEqual({ kind: 'none' });
  });
});
