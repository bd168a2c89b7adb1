/**
 * An office with something to print: Isfahan and Florence (sister cities since 1998), their
 * people, a relationship with its cases, an exchange of letters (one classified and urgent,
 * with a reference and copies), a trilingual draft MoU and a signed agreement, a cultural
 * week with programme, delegation, gifts and an approval chain. Made through the desk's own
 * methods; the documents tests and `npm run check:documents` print from it.
 */
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';

export type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

export interface DocumentsWorld {
  isfahan: string;
  florence: string;
  relationship: string;
  incomingLetter: string;
  outgoingLetter: string;
  englishLetter: string;
  draftMou: string;
  signedAgreement: string;
  event: string;
  tripCase: string;
}

/** The texts the documents must show, to look for in them. */
export const TEXTS = {
  florenceFa: 'فلورانس',
  florenceEn: 'Florence',
  outgoingSubject: 'پاسخ به دعوت هفته فرهنگی اصفهان در فلورانس',
  englishSubject: 'Invitation to the Isfahan Cultural Week in Florence',
  mouTitle: 'تفاهم‌نامه همکاری فرهنگی اصفهان و فلورانس',
  clauseFa: 'طرفین در زمینه مرمت بناهای تاریخی همکاری می‌کنند.',
  clauseEn: 'The Parties shall cooperate in the restoration of historic buildings.',
  clauseIt: 'Le Parti collaborano nel restauro degli edifici storici.',
  eventTitle: 'هفته فرهنگی اصفهان در فلورانس',
  eventTitleEn: 'Isfahan Cultural Week in Florence',
} as const;

export async function seedDocumentsWorld(call: Call): Promise<DocumentsWorld> {
  await call('users.create', {
    username: 'tester',
    nameFa: 'مریم احمدی',
    nameEn: 'Maryam Ahmadi',
    position: 'کارشناس روابط بین‌الملل',
  });
  const isfahan = await call('partners.create', {
    kind: 'city',
    nameFa: 'اصفهان',
    nameEn: 'Isfahan',
    country: 'IR',
    latitude: 32.65,
    longitude: 51.67,
    own: true,
  });
  const florence = await call('partners.create', {
    kind: 'city',
    nameFa: 'فلورانس',
    nameEn: 'Florence',
    nameNative: 'Firenze',
    nativeLanguage: 'it',
    country: 'IT',
    latitude: 43.77,
    longitude: 11.25,
    website: 'https://www.comune.fi.it',
    notes: 'خواهرخوانده اصفهان از سال ۱۹۹۸؛ همکاری در مرمت و صنایع‌دستی.',
  });
  const mayor = await call('contacts.create', {
    partnerId: florence.id,
    nameFa: 'ساره فونارو',
    nameEn: 'Sara Funaro',
    title: 'H.E.',
    position: 'Mayor of Florence',
    emails: ['sindaco@comune.fi.it'],
    phones: ['+39 055 276 8000'],
    languages: ['it', 'en'],
  });
  const director = await call('contacts.create', {
    partnerId: isfahan.id,
    nameFa: 'علی رضایی',
    nameEn: 'Ali Rezaei',
    position: 'مدیرکل ارتباطات و امور بین‌الملل',
  });
  const relationship = await call('relationships.create', {
    ownUnitId: isfahan.id,
    partnerId: florence.id,
    type: 'sister_city',
    status: 'active',
    stage: 'signed',
    establishedOn: '1998-06-10',
    level: 'high',
    areas: ['cultural', 'tourism', 'urban_management'],
  });
  const tripCase = await call('cases.create', {
    title: 'اعزام هیئت به هفته فرهنگی فلورانس',
    kind: 'outgoing_delegation',
    relationshipId: relationship.id,
    partnerIds: [florence.id],
    area: 'cultural',
    openedOn: '2025-03-22',
    dueOn: '2025-04-20',
    priority: 'high',
  });
  await call('cases.create', {
    title: 'تدوین تفاهم‌نامه مرمت',
    kind: 'agreement_negotiation',
    relationshipId: relationship.id,
    partnerIds: [florence.id],
    openedOn: '2025-04-02',
    dueOn: '2025-07-01',
  });
  const incoming = await call('letters.create', {
    direction: 'incoming',
    letterDate: '2025-03-24',
    senderNumber: 'FI-2025/118',
    senderDate: '2025-03-22',
    from: { partnerId: florence.id, contactId: mayor.id },
    to: { partnerId: isfahan.id },
    subject: 'دعوت شهرداری فلورانس به هفته فرهنگی اصفهان',
    body: 'شهرداری فلورانس از برگزاری هفته فرهنگی اصفهان در فلورانس استقبال می‌کند.',
    language: 'fa',
    needsReply: true,
    followUpDate: '2025-04-10',
    relationshipId: relationship.id,
    caseId: tripCase.id,
  });
  const outgoing = await call('letters.create', {
    direction: 'outgoing',
    letterDate: '2025-03-30',
    from: { partnerId: isfahan.id, contactId: director.id },
    to: { partnerId: florence.id, contactId: mayor.id },
    subject: TEXTS.outgoingSubject,
    body: [
      'بدین‌وسیله از دعوت شهرداری فلورانس برای برگزاری هفته فرهنگی اصفهان در آن شهر سپاسگزاری می‌شود.',
      'هیئت ۱۲ نفره این شهرداری در تاریخ 7 April 2025 عازم فلورانس خواهد شد و برنامه World Cities Summit 2026 نیز در دستور کار است.',
    ].join('\n'),
    classification: 'محرمانه',
    urgency: 'فوری',
    attachmentsCount: 2,
    references: [{ letterId: incoming.id, kind: 'refers' }],
    copies: [
      { text: 'معاونت امور بین‌الملل شهرداری اصفهان', purpose: 'information' },
      { partnerId: florence.id, contactId: mayor.id, purpose: 'action' },
      { text: 'دبیرخانه', purpose: 'filing' },
    ],
    relationshipId: relationship.id,
    caseId: tripCase.id,
  });
  const english = await call('letters.create', {
    direction: 'outgoing',
    letterDate: '2025-04-01',
    from: { partnerId: isfahan.id, contactId: director.id },
    to: { partnerId: florence.id, contactId: mayor.id },
    subject: TEXTS.englishSubject,
    body: 'We are pleased to confirm the programme of the Isfahan Cultural Week in Florence, 7–14 April 2025.\nThe delegation of twelve will be led by the Deputy Mayor.',
    language: 'en',
    needsReply: true,
    followUpDate: '2025-04-15',
    references: [{ letterId: incoming.id, kind: 'refers' }],
    copies: [{ text: 'Embassy of Italy in Tehran', purpose: 'information' }],
    relationshipId: relationship.id,
  });
  const mou = await call('agreements.create', {
    kind: 'mou',
    title: TEXTS.mouTitle,
    languages: ['fa', 'en', 'it'],
    preamble: {
      fa: 'شهرداری اصفهان و شهرداری فلورانس، با یادآوری پیوند خواهرخواندگی دو شهر،',
      en: 'The Municipality of Isfahan and the Municipality of Florence, recalling the sisterhood of the two cities,',
      it: 'Il Comune di Isfahan e il Comune di Firenze, ricordando il gemellaggio tra le due città,',
    },
    ownUnit: { partnerId: isfahan.id, signatoryName: 'علیرضا قاری قرآن', signatoryPosition: 'شهردار اصفهان' },
    partners: [
      { partnerId: florence.id, signatoryName: 'Sara Funaro', signatoryPosition: 'Sindaca di Firenze' },
    ],
    signedPlace: 'Firenze',
    relationshipId: relationship.id,
  });
  await call('agreements.clauses.add', {
    agreementId: mou.id,
    texts: { fa: TEXTS.clauseFa, en: TEXTS.clauseEn, it: TEXTS.clauseIt },
  });
  await call('agreements.clauses.add', {
    agreementId: mou.id,
    texts: {
      fa: 'این تفاهم‌نامه به مدت ۵ سال از تاریخ امضا معتبر است.',
      en: 'This Memorandum shall remain in force for 5 years from the date of signature.',
      it: 'Il presente Memorandum resta in vigore per 5 anni dalla data della firma.',
    },
  });
  await call('agreements.saveVersion', { id: mou.id, note: 'نسخه نخست برای بررسی' });
  const signed = await call('agreements.create', {
    kind: 'sister_city',
    title: 'موافقت‌نامه خواهرخواندگی اصفهان و فلورانس',
    languages: ['fa', 'it'],
    preamble: { fa: 'دو شهر تاریخی اصفهان و فلورانس', it: 'Le due città storiche di Isfahan e Firenze' },
    ownUnit: { partnerId: isfahan.id },
    partners: [{ partnerId: florence.id }],
    signedPlace: 'Isfahan',
    signedDate: '2025-04-09',
    termYears: 5,
    renewalNoticeMonths: 6,
  });
  for (const to of [
    'internal_review',
    'legal_review',
    'awaiting_approvals',
    'approved',
    'signed',
    'in_force',
  ] as const) {
    await call('agreements.transition', { id: signed.id, to });
  }
  const event = await call('events.create', {
    kind: 'cultural_week',
    title: TEXTS.eventTitle,
    startDate: '2025-04-07',
    endDate: '2025-04-14',
    ourRole: 'organiser',
    hostPartnerId: florence.id,
    venue: 'Palazzo Vecchio, Firenze',
    objectives: 'معرفی میراث فرهنگی و صنایع‌دستی اصفهان.\nگسترش همکاری‌های گردشگری دو شهر.',
    caseId: tripCase.id,
    relationshipId: relationship.id,
    partnerIds: [florence.id],
  });
  await call('programme.add', {
    eventId: event.id,
    title: 'نمایشگاه صنایع‌دستی اصفهان',
    type: 'exhibition',
    date: '2025-04-07',
    startTime: '10:00',
    endTime: '18:00',
    venue: 'Sala d’Arme',
    responsible: 'مریم احمدی',
  });
  await call('programme.add', {
    eventId: event.id,
    title: 'Concerto di musica persiana',
    type: 'concert',
    date: '2025-04-09',
    startTime: '20:30',
  });
  await call('delegation.add', {
    eventId: event.id,
    name: 'رضا کریمی',
    position: 'معاون شهردار',
    role: 'head',
    passportNumber: 'P12345678',
    passportExpiry: '2025-08-01',
    visaStatus: 'granted',
    travelFrom: '2025-04-06',
    travelTo: '2025-04-15',
  });
  await call('delegation.add', {
    eventId: event.id,
    name: 'نگار موسوی',
    position: 'مترجم',
    role: 'interpreter',
    passportExpiry: '2029-01-01',
    visaStatus: 'applied',
    travelFrom: '2025-04-06',
    travelTo: '2025-04-15',
  });
  await call('gifts.add', {
    eventId: event.id,
    direction: 'given',
    description: 'قلمکار اصفهان',
    giver: 'شهردار اصفهان',
    receiver: 'Sindaca di Firenze',
    date: '2025-04-07',
    estimatedValue: 350,
    currency: 'EUR',
  });
  await call('events.recordOutcome', {
    id: event.id,
    outcome: 'بیش از ۱۲۰۰۰ نفر از نمایشگاه بازدید کردند و دو تفاهم‌نامه همکاری پیشنهاد شد.',
  });
  const chain = await call('approvals.start', { caseId: tripCase.id });
  const [first, second] = chain.steps;
  if (first && second) {
    await call('approvals.submit', { stepId: first.id, submittedOn: '2025-03-25' });
    await call('approvals.decide', { stepId: first.id, decision: 'approved', decidedOn: '2025-03-29' });
    await call('approvals.submit', { stepId: second.id, submittedOn: '2025-04-01', letterId: outgoing.id });
  }
  await call('events.create', {
    kind: 'incoming_delegation',
    title: 'سفر هیئت فلورانس به اصفهان',
    startDate: '2025-06-15',
    endDate: '2025-06-18',
    ourRole: 'host',
    partnerIds: [florence.id],
  });
  return {
    isfahan: isfahan.id,
    florence: florence.id,
    relationship: relationship.id,
    incomingLetter: incoming.id,
    outgoingLetter: outgoing.id,
    englishLetter: english.id,
    draftMou: mou.id,
    signedAgreement: signed.id,
    event: event.id,
    tripCase: tripCase.id,
  };
}
