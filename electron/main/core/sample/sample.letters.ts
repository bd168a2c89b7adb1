/**
 * The sample register: letters in both directions and several languages, with threads
 * (پیرو / عطف), referrals, copies and attached files, dated relative to today so the Desk
 * always shows letters awaiting reply and overdue follow-ups.
 */
import type { MethodInput } from '../../../../shared/api/contract';
import type { Invoke } from './sample.invoke';
import type { SampleWorld } from './sample.handlers';

export interface SampleLetters {
  byKey: Map<string, string>;
}

const FLORENCE_PROPOSAL = `Dear Colleagues,

On behalf of the Mayor of Florence, I am pleased to propose that our two cities renew the sister-city agreement signed in 1998. Over a quarter of a century our cooperation has brought restorers, architects and students together, and the exhibition of Isfahan miniatures at Palazzo Vecchio remains one of our most visited cultural events.

We suggest a renewed agreement in Italian, Persian and English, with new chapters on the conservation of historic centres, sustainable tourism and university exchanges. We would be grateful for your comments on the attached outline.

With kind regards,
Giulia Rossi
International Relations Office, Comune di Firenze`;

const MFA_OPINION = `با سلام و احترام
پیرو نامه آن شهرداری درباره تمدید تفاهم‌نامه خواهرخواندگی اصفهان و فلورانس، به استحضار می‌رساند این وزارتخانه با کلیات تمدید موافق است. خواهشمند است متن پیشنهادی تفاهم‌نامه به زبان‌های فارسی و انگلیسی، پیش از طرح در شورای اسلامی شهر، برای بررسی حقوقی به اداره کل همکاری‌های استانی ارسال شود.`;

const SINGAPORE_TRIP = `با سلام و احترام
به استحضار می‌رساند شهرداری اصفهان به اجلاس جهانی شهرها در سنگاپور دعوت شده است. خواهشمند است نسبت به صدور مجوز سفر هیئت سه‌نفره شهرداری به سرپرستی مدیرکل ارتباطات و امور بین‌الملل، برای شرکت در نشست‌های تخصصی «شهرهای زیست‌پذیر» و ارائه تجربه اصفهان در بازآفرینی بافت تاریخی، دستور مقتضی صادر فرمایید.`;

const KAZAN_SPORT = `Dear partners in Isfahan,

Following the signing of our agreement on 9 April 2025, the Executive Committee of Kazan proposes a youth sport exchange: twenty young wrestlers and volleyball players from each city, hosted for ten days in Kazan in the summer and in Isfahan in the autumn. We would welcome your views on dates and on the sports federations that could join.

Best regards,
Ilnar Garifullin
Head of External Relations, Kazan City Executive Committee`;

const ISSY_INVITATION = `Chers amis de la Nouvelle-Djoulfa,

À l'occasion des Journées européennes du patrimoine, la Ville d'Issy-les-Moulineaux serait heureuse d'accueillir une délégation de la Nouvelle-Djoulfa pour présenter l'artisanat arménien d'Ispahan et la cathédrale de Vank. Nous vous proposons une exposition de photographies et une rencontre avec les écoles de la ville.

Bien cordialement,
Claire Dubois
Coopération internationale, Ville d'Issy-les-Moulineaux`;

export async function loadLetters(call: Invoke, w: SampleWorld): Promise<SampleLetters> {
  const byKey = new Map<string, string>();
  const add = async (key: string, input: MethodInput<'letters.create'>) => {
    const letter = await call('letters.create', input);
    byKey.set(key, letter.id);
    return letter.id;
  };
  const florence = w.cities.get('florence')!;
  const kazan = w.cities.get('kazan')!;
  const issy = w.cities.get('issy')!;
  const clc = w.orgs.get('clc')!;

  await add('florenceProposal', {
    direction: 'incoming',
    letterDate: w.rel(-120),
    senderNumber: 'PG/2025/1187',
    senderDate: w.rel(-123),
    from: { contactId: w.contacts.get('florenceOffice')! },
    to: { partnerId: w.isfahan },
    subject: 'Proposal to renew the sister-city agreement between Florence and Isfahan',
    body: FLORENCE_PROPOSAL,
    language: 'en',
    channel: 'email',
    relationshipId: w.relationships.get('florence')!,
    partnerIds: [florence],
    followUpDate: w.rel(-100),
  });
  await add('florenceReply', {
    direction: 'outgoing',
    letterDate: w.rel(-110),
    from: { partnerId: w.isfahan },
    to: { contactId: w.contacts.get('florenceOffice')! },
    subject: 'Re: Renewal of the sister-city agreement — Isfahan welcomes the proposal',
    body: 'Isfahan warmly welcomes the proposal of the City of Florence and will send its comments on the outline together with a first bilingual draft.',
    language: 'en',
    channel: 'email',
    references: [{ letterId: byKey.get('florenceProposal')!, kind: 'follows' }],
    relationshipId: w.relationships.get('florence')!,
    partnerIds: [florence],
  });
  await add('florenceDraft', {
    direction: 'incoming',
    letterDate: w.rel(-60),
    senderNumber: 'PG/2025/1744',
    from: { contactId: w.contacts.get('florenceOffice')! },
    to: { partnerId: w.isfahan },
    subject: 'Comments of Florence on the draft renewed agreement',
    body: 'Please find our comments on articles 2 and 4 of the draft. We propose to sign the renewed agreement during the visit of the Isfahan delegation.',
    language: 'en',
    channel: 'email',
    references: [{ letterId: byKey.get('florenceReply')!, kind: 'follows' }],
    relationshipId: w.relationships.get('florence')!,
    partnerIds: [florence],
    followUpDate: w.rel(-30),
  });
  await add('mfaOpinion', {
    direction: 'incoming',
    letterDate: w.rel(-45),
    senderNumber: '۱۲۳/۴۵۶۷',
    senderDate: w.rel(-47),
    from: { partnerId: w.orgs.get('mfa')! },
    to: { partnerId: w.isfahan },
    subject: 'اعلام نظر درباره تمدید تفاهم‌نامه خواهرخواندگی اصفهان و فلورانس',
    body: MFA_OPINION,
    language: 'fa',
    classification: 'محرمانه',
    urgency: 'فوری',
    channel: 'diplomatic_pouch',
    relationshipId: w.relationships.get('florence')!,
    partnerIds: [florence],
    followUpDate: w.rel(10),
  });
  await call('letters.refer', {
    id: byKey.get('mfaOpinion')!,
    toUserId: w.users.get('expert')!,
    instruction: 'متن دوزبانه تفاهم‌نامه را برای بررسی حقوقی آماده و ارسال کنید.',
    dueDate: w.rel(7),
  });
  await add('councilBill', {
    direction: 'outgoing',
    letterDate: w.rel(-50),
    from: { partnerId: w.isfahan },
    to: { text: 'شورای اسلامی شهر اصفهان' },
    subject: 'لایحه تمدید تفاهم‌نامه خواهرخواندگی اصفهان و فلورانس',
    body: 'با سلام و احترام\nبه پیوست لایحه تمدید تفاهم‌نامه خواهرخواندگی با شهر فلورانس، جهت طرح و تصویب در جلسه شورا تقدیم می‌گردد.',
    language: 'fa',
    urgency: 'فوری',
    channel: 'by_hand',
    attachmentsCount: 1,
    copies: [
      { partnerId: w.orgs.get('moi')!, purpose: 'information' },
      { text: 'دبیرخانه شهرداری', purpose: 'filing' },
    ],
    relationshipId: w.relationships.get('florence')!,
    partnerIds: [florence],
  });
  await add('embassyVisa', {
    direction: 'incoming',
    letterDate: w.rel(-15),
    senderNumber: 'AMB-TEH/2025/311',
    from: { partnerId: w.orgs.get('italyEmbassy')! },
    to: { partnerId: w.isfahan },
    subject: 'Visa facilitation for the Isfahan delegation to Florence',
    body: 'The Embassy of Italy is pleased to facilitate the visas of the Isfahan delegation travelling to Florence for the signing of the renewed agreement.',
    language: 'en',
    channel: 'post',
    copies: [{ partnerId: w.orgs.get('mfa')!, purpose: 'information' }],
    relationshipId: w.relationships.get('florence')!,
    partnerIds: [florence],
    needsReply: false,
  });

  const invitationId = await add('wcsInvitation', {
    direction: 'incoming',
    letterDate: w.rel(-90),
    senderNumber: 'CLC/WCS/INV/0417',
    from: { contactId: w.contacts.get('clcDirector')! },
    to: { partnerId: w.isfahan },
    subject: 'Invitation: World Cities Summit — Mayors Forum',
    body: 'The Centre for Liveable Cities is honoured to invite the Mayor of Isfahan and a delegation to the World Cities Summit and its Mayors Forum in Singapore.',
    language: 'en',
    channel: 'email',
    attachmentsCount: 1,
    partnerIds: [clc, w.cities.get('singapore')!],
  });
  await call('attachments.add', {
    ownerType: 'letter',
    ownerId: invitationId,
    path: w.files('invitation-world-cities-summit.pdf'),
  });
  await add('wcsConfirmation', {
    direction: 'outgoing',
    letterDate: w.rel(-85),
    from: { partnerId: w.isfahan },
    to: { contactId: w.contacts.get('clcDirector')! },
    subject: 'Confirmation of participation — Isfahan delegation to the World Cities Summit',
    body: 'Isfahan is glad to confirm its participation. Our delegation will present the regeneration of the historic Jolfa quarter.',
    language: 'en',
    channel: 'email',
    references: [{ letterId: invitationId, kind: 'follows' }],
    partnerIds: [clc],
  });
  await add('tripPermit', {
    direction: 'outgoing',
    letterDate: w.rel(-40),
    from: { partnerId: w.isfahan },
    to: { partnerId: w.orgs.get('moi')! },
    subject: 'درخواست مجوز سفر هیئت شهرداری اصفهان به سنگاپور برای شرکت در اجلاس جهانی شهرها',
    body: SINGAPORE_TRIP,
    language: 'fa',
    urgency: 'فوری',
    channel: 'online_portal',
    references: [{ letterId: invitationId, kind: 'refers' }],
    needsReply: true,
    followUpDate: w.rel(-5),
  });

  const kazanText = await add('kazanFinalText', {
    direction: 'outgoing',
    letterDate: w.rel(-200),
    from: { partnerId: w.isfahan },
    to: { contactId: w.contacts.get('kazanOffice')! },
    subject: 'ارسال متن نهایی تفاهم‌نامه خواهرخواندگی اصفهان و قازان',
    body: 'با سلام و احترام\nمتن نهایی تفاهم‌نامه به سه زبان روسی، فارسی و انگلیسی، برای امضا در مراسم قازان به پیوست ارسال می‌شود.',
    language: 'fa',
    channel: 'email',
    attachmentsCount: 1,
    relationshipId: w.relationships.get('kazan')!,
    partnerIds: [kazan],
  });
  await call('attachments.add', {
    ownerType: 'letter',
    ownerId: kazanText,
    path: w.files('letter-to-kazan.docx'),
  });
  await add('kazanSport', {
    direction: 'incoming',
    letterDate: w.rel(-30),
    senderNumber: '02-14/1893',
    from: { contactId: w.contacts.get('kazanOffice')! },
    to: { partnerId: w.isfahan },
    subject: 'Youth sport exchange under the Kazan–Isfahan agreement',
    body: KAZAN_SPORT,
    language: 'en',
    channel: 'email',
    relationshipId: w.relationships.get('kazan')!,
    partnerIds: [kazan],
    followUpDate: w.rel(14),
  });
  await call('letters.refer', {
    id: byKey.get('kazanSport')!,
    toUserId: w.me ?? w.users.get('protocol')!,
    instruction: 'با هیئت ورزش شهرداری هماهنگ و پیش‌نویس پاسخ را آماده کنید.',
    dueDate: w.rel(5),
  });
  await add('issyInvitation', {
    direction: 'incoming',
    letterDate: w.rel(-20),
    from: { contactId: w.contacts.get('issyOffice')! },
    to: { partnerId: w.newJulfa },
    subject: 'Invitation aux Journées du patrimoine — échange avec la Nouvelle-Djoulfa',
    body: ISSY_INVITATION,
    language: 'fr',
    channel: 'email',
    relationshipId: w.relationships.get('issy')!,
    partnerIds: [issy],
    followUpDate: w.rel(-3),
  });
  await add('quarterReport', {
    direction: 'internal',
    letterDate: w.rel(-10),
    from: { text: 'کارشناس روابط بین‌الملل' },
    to: { text: 'مدیرکل ارتباطات و امور بین‌الملل' },
    subject: 'گزارش فعالیت روابط خواهرخواندگی در سه ماه گذشته',
    body: 'گزارش نامه‌ها، رویدادها و تفاهم‌نامه‌های سه ماه گذشته به پیوست تقدیم می‌شود. رابطه با هاوانا و داکار بیش از یک سال است فعالیتی نداشته است.',
    language: 'fa',
    channel: 'by_hand',
  });
  return { byKey };
}
