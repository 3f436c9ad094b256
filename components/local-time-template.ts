import { getTranslations } from 'next-intl/server';

/**
 * The text `<LocalTime>` fills in the browser (`{time}`, `{zone}` left for it), in the reader's
 * language (`localTimeShort` without the zone, in lists that name it once with `localZone`): the pages that show it carry no catalogue to the browser, so the server gives it.
 */
export async function localTimeTemplate(message: 'localTime' | 'localTimeShort' | 'localZone' = 'localTime'): Promise<string> {
  return (await getTranslations('liveNow'))(message, { time: '{time}', zone: '{zone}' });
}
