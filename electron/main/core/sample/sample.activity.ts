/**
 * The sample office's work beyond letters: the Florence renewal draft (two versions), the
 * signed trilingual Kazan agreement, the Isfahan Cultural Week in Paris and its reciprocal
 * week, and a World Cities Summit trip with its delegation and a half-finished approval chain.
 */
import type { Invoke } from './sample.invoke';
import type { SampleWorld } from './sample.handlers';
import type { SampleLetters } from './sample.letters';

const FLORENCE_CLAUSES: { fa: string; en: string }[] = [
  {
    fa: 'طرفین توافق می‌کنند روابط خواهرخواندگی میان شهرهای اصفهان و فلورانس را که در سال ۱۹۹۸ برقرار شد، بر پایه احترام متقابل و منافع مشترک تمدید و تقویت کنند.',
    en: 'The Parties agree to renew and strengthen the sister-city relationship between Isfahan and Florence established in 1998, on the basis of mutual respect and common interest.',
  },
  {
    fa: 'طرفین در حفاظت و مرمت بافت‌های تاریخی، تبادل تجربه میان کارشناسان و برگزاری کارگاه‌های مشترک همکاری خواهند کرد.',
    en: 'The Parties shall cooperate in the conservation and restoration of historic centres, the exchange of experts and joint workshops.',
  },
  {
    fa: 'طرفین گردشگری پایدار را با معرفی متقابل جاذبه‌های فرهنگی و تاریخی دو شهر ترویج می‌کنند.',
    en: 'The Parties shall promote sustainable tourism by presenting the cultural and historic attractions of both cities to each other.',
  },
  {
    fa: 'دانشگاه‌ها و مدارس هنری دو شهر برای تبادل دانشجو و استاد تشویق خواهند شد.',
    en: 'The universities and art schools of both cities shall be encouraged to exchange students and teachers.',
  },
];

const KAZAN_CLAUSES: { ru: string; fa: string; en: string }[] = [
  {
    ru: 'Стороны устанавливают побратимские отношения между городами Казань и Исфахан.',
    fa: 'طرفین روابط خواهرخواندگی میان شهرهای قازان و اصفهان را برقرار می‌کنند.',
    en: 'The Parties establish sister-city relations between the cities of Kazan and Isfahan.',
  },
  {
    ru: 'Стороны развивают сотрудничество в области экономики, культуры, образования и спорта.',
    fa: 'طرفین همکاری در زمینه‌های اقتصادی، فرهنگی، آموزشی و ورزشی را گسترش می‌دهند.',
    en: 'The Parties develop cooperation in the economy, culture, education and sport.',
  },
  {
    ru: 'Стороны ежегодно обмениваются делегациями и проводят дни культуры.',
    fa: 'طرفین هر سال هیئت‌هایی مبادله کرده و روزهای فرهنگی برگزار می‌کنند.',
    en: 'The Parties exchange delegations every year and hold days of culture.',
  },
  {
    ru: 'Настоящее соглашение вступает в силу с даты подписания и действует пять лет.',
    fa: 'این تفاهم‌نامه از تاریخ امضا لازم‌الاجرا است و به مدت پنج سال اعتبار دارد.',
    en: 'This Agreement enters into force on the date of signature and remains valid for five years.',
  },
];

export async function loadAgreements(call: Invoke, w: SampleWorld): Promise<void> {
  const isfahanParty = {
    partnerId: w.isfahan,
    signatoryName: 'علی قاسم‌زاده',
    signatoryPosition: 'شهردار اصفهان',
  };

  const florence = await call('agreements.create', {
    kind: 'sister_city',
    title: 'تفاهم‌نامه تمدید خواهرخواندگی اصفهان و فلورانس',
    languages: ['fa', 'en'],
    ownUnit: isfahanParty,
    partners: [
      {
        partnerId: w.cities.get('florence')!,
        signatoryName: 'Sara Funaro',
        signatoryPosition: 'Mayor of Florence',
      },
    ],
    signedPlace: 'فلورانس',
    termYears: 5,
    renewalNoticeMonths: 6,
    relationshipId: w.relationships.get('florence')!,
    preamble: {
      fa: 'شهرداری اصفهان و شهرداری فلورانس، با یادآوری پیوند دیرینه دو شهر تاریخی و با تمایل به گسترش همکاری‌های فرهنگی، علمی و شهری، به شرح زیر توافق کردند:',
      en: 'The Municipality of Isfahan and the Municipality of Florence, recalling the long-standing bond between the two historic cities and wishing to broaden their cultural, scientific and urban cooperation, have agreed as follows:',
    },
  });
  const keys: string[] = [];
  for (const clause of FLORENCE_CLAUSES) {
    const added = await call('agreements.clauses.add', { agreementId: florence.id, texts: clause });
    keys.push(added.clauseKey);
  }
  await call('agreements.saveVersion', { id: florence.id, note: 'پیش‌نویس نخست برای ارسال به فلورانس' });
  await call('agreements.clauses.update', {
    agreementId: florence.id,
    clauseKey: keys[1]!,
    texts: {
      fa: 'طرفین در حفاظت و مرمت بافت‌های تاریخی، تبادل مرمتگران و معماران و برگزاری کارگاه‌های مشترک سالانه همکاری خواهند کرد.',
      en: 'The Parties shall cooperate in the conservation and restoration of historic centres, the exchange of restorers and architects, and annual joint workshops.',
    },
  });
  await call('agreements.clauses.add', {
    agreementId: florence.id,
    texts: {
      fa: 'یک کارگروه مشترک پیشرفت این تفاهم‌نامه را هر سال بررسی و گزارش می‌کند.',
      en: 'A joint working group shall review and report on the progress of this Agreement every year.',
    },
  });
  await call('agreements.saveVersion', { id: florence.id, note: 'با اعمال نظرات شهرداری فلورانس' });

  const kazan = await call('agreements.create', {
    kind: 'sister_city',
    title: 'تفاهم‌نامه خواهرخواندگی اصفهان و قازان',
    languages: ['ru', 'fa', 'en'],
    ownUnit: isfahanParty,
    partners: [
      {
        partnerId: w.cities.get('kazan')!,
        signatoryName: 'Ilsur Metshin',
        signatoryPosition: 'Mayor of Kazan',
      },
    ],
    signedPlace: 'قازان',
    signedDate: '2025-04-09',
    termYears: 5,
    renewalNoticeMonths: 6,
    relationshipId: w.relationships.get('kazan')!,
    preamble: {
      ru: 'Исполнительный комитет муниципального образования города Казани и Муниципалитет Исфахана, стремясь к развитию дружбы между народами, договорились о нижеследующем:',
      fa: 'کمیته اجرایی شهر قازان و شهرداری اصفهان، با هدف گسترش دوستی میان مردم دو شهر، به شرح زیر توافق کردند:',
      en: 'The Executive Committee of the City of Kazan and the Municipality of Isfahan, seeking to develop friendship between their peoples, have agreed as follows:',
    },
  });
  for (const clause of KAZAN_CLAUSES)
    await call('agreements.clauses.add', { agreementId: kazan.id, texts: clause });
  await call('agreements.saveVersion', { id: kazan.id, note: 'متن امضاشده' });
  for (const to of [
    'internal_review',
    'legal_review',
    'awaiting_approvals',
    'approved',
    'signed',
    'in_force',
  ] as const) {
    await call('agreements.transition', { id: kazan.id, to });
  }
}

const PARIS_PROGRAMME: [day: number, time: string | null, type: string, title: string][] = [
  [0, '18:00', 'meeting', 'مراسم گشایش با حضور شهردار منطقه ۴ پاریس'],
  [0, '19:30', 'concert', 'کنسرت موسیقی سنتی اصفهان'],
  [1, '10:00', 'exhibition', 'نمایشگاه مینیاتور و نگارگری'],
  [1, '15:00', 'craft', 'کارگاه قلم‌زنی و میناکاری'],
  [2, '11:00', 'lecture', 'سخنرانی: میدان نقش جهان و شهرسازی صفوی'],
  [2, '20:00', 'film', 'نمایش فیلم مستند «اصفهان، نصف جهان»'],
  [3, '12:00', 'food', 'جشنواره غذای اصفهانی'],
  [4, '16:00', 'workshop', 'کارگاه خوشنویسی برای کودکان'],
  [5, '10:00', 'meeting', 'دیدار با انجمن ارامنه پاریس و معرفی جلفای نو'],
  [7, '18:00', 'concert', 'کنسرت پایانی و اختتامیه'],
];

export async function loadEventsAndApprovals(
  call: Invoke,
  w: SampleWorld,
  letters: SampleLetters,
): Promise<void> {
  const paris = w.cities.get('paris')!;
  const week = await call('events.create', {
    kind: 'cultural_week',
    title: 'هفته فرهنگی اصفهان در پاریس',
    status: 'held',
    startDate: '2018-04-07',
    endDate: '2018-04-14',
    ourRole: 'organiser',
    hostPartnerId: paris,
    venue: 'تالار شهرداری منطقه ۴ پاریس',
    objectives: 'معرفی هنر، صنایع دستی و میراث اصفهان به مردم پاریس و گسترش پیوندهای فرهنگی',
    partnerIds: [w.cities.get('issy')!],
    relationshipId: w.relationships.get('issy')!,
  });
  for (const [day, time, type, title] of PARIS_PROGRAMME) {
    await call('programme.add', {
      eventId: week.id,
      title,
      type: type as 'concert',
      date: `2018-04-${String(7 + day).padStart(2, '0')}`,
      startTime: time,
      status: 'done',
      venue: 'Mairie du 4e arrondissement',
    });
  }
  await call('gifts.add', {
    eventId: week.id,
    direction: 'given',
    description: 'تابلوی مینیاتور میدان نقش جهان',
    giver: 'شهردار اصفهان',
    receiver: 'شهردار منطقه ۴ پاریس',
    date: '2018-04-07',
    estimatedValue: 150_000_000,
    currency: 'IRR',
    registryNumber: 'ه/۹۷/۰۱۲',
  });
  await call('gifts.add', {
    eventId: week.id,
    direction: 'received',
    description: 'Médaille de la Ville de Paris',
    giver: 'Mairie de Paris',
    receiver: 'شهردار اصفهان',
    date: '2018-04-14',
  });
  await call('attachments.add', { ownerType: 'event', ownerId: week.id, path: w.files('khaju-bridge.png') });
  await call('events.recordOutcome', {
    id: week.id,
    outcome:
      'حدود دوازده هزار نفر از برنامه‌ها بازدید کردند؛ شهرداری پاریس برگزاری هفته فرهنگی متقابل در اصفهان را پیشنهاد داد و پیمان دوستی جلفای نو و ایسی‌له‌مولینو در حاشیه این هفته امضا شد.',
    followUps: [],
  });
  await call('events.create', {
    kind: 'cultural_week',
    title: 'هفته فرهنگی پاریس در اصفهان',
    status: 'held',
    startDate: '2019-05-11',
    endDate: '2019-05-17',
    ourRole: 'host',
    hostPartnerId: w.isfahan,
    venue: 'عمارت عالی‌قاپو و خانه‌های تاریخی جلفا',
    reciprocalEventId: week.id,
    partnerIds: [paris],
  });

  const summitCase = await call('cases.create', {
    title: 'شرکت در اجلاس جهانی شهرها، سنگاپور',
    kind: 'outgoing_delegation',
    priority: 'high',
    ownerId: w.users.get('head')!,
    dueOn: w.rel(150),
    openedOn: w.rel(-90),
    area: 'urban_management',
    partnerIds: [w.cities.get('singapore')!, w.orgs.get('clc')!],
    tags: ['اجلاس', 'سنگاپور'],
    description: 'هیئت سه‌نفره شهرداری برای ارائه تجربه بازآفرینی بافت تاریخی جلفا.',
  });
  await call('letters.update', { id: letters.byKey.get('wcsInvitation')!, caseId: summitCase.id });
  await call('letters.update', { id: letters.byKey.get('tripPermit')!, caseId: summitCase.id });
  const summit = await call('events.create', {
    kind: 'forum',
    title: 'اجلاس جهانی شهرها و مجمع شهرداران',
    startDate: w.rel(200),
    endDate: w.rel(202),
    ourRole: 'speaker',
    hostPartnerId: w.cities.get('singapore')!,
    organiserPartnerId: w.orgs.get('clc')!,
    venue: 'Sands Expo and Convention Centre',
    registrationDeadline: w.rel(120),
    objectives: 'ارائه تجربه اصفهان در بازآفرینی بافت تاریخی و آشنایی با راهکارهای شهرهای زیست‌پذیر',
    caseId: summitCase.id,
  });
  for (const [name, position, role, passportExpiry, visaStatus] of [
    ['علی رضایی', 'مدیرکل ارتباطات و امور بین‌الملل', 'head', w.rel(1500), 'applied'],
    ['مریم احمدی', 'کارشناس روابط بین‌الملل', 'member', w.rel(330), 'to_apply'],
    ['سارا کریمی', 'مترجم و کارشناس تشریفات', 'interpreter', w.rel(900), 'granted'],
  ] as const) {
    await call('delegation.add', {
      eventId: summit.id,
      name,
      position,
      role,
      passportNumber: `P${(passportExpiry.replace(/-/g, '') + '00').slice(2, 10)}`,
      passportExpiry,
      visaStatus,
      invitationLetterId: letters.byKey.get('wcsInvitation')!,
      travelFrom: w.rel(199),
      travelTo: w.rel(203),
    });
  }

  // The office may have edited its templates: use its trip template, or make the sample's own.
  const templates = await call('approvals.templates.list', {});
  const tripTemplate =
    templates.find((tpl) => tpl.caseKind === 'outgoing_delegation' && tpl.steps.length >= 4) ??
    (await call('approvals.templates.create', {
      nameFa: 'سفر رسمی خارجی (نمونه)',
      nameEn: 'Official trip abroad (sample)',
      authorityIds: await sampleAuthorities(call),
    }));
  const chain = await call('approvals.start', { caseId: summitCase.id, templateId: tripTemplate.id });
  const [head, deputy, mayor, council] = chain.steps;
  const decided: [typeof head, number, number][] = [
    [head, -80, -78],
    [deputy, -76, -70],
    [mayor, -68, -55],
  ];
  for (const [step, sent, decidedOn] of decided) {
    await call('approvals.submit', { stepId: step!.id, submittedOn: w.rel(sent) });
    await call('approvals.decide', { stepId: step!.id, decision: 'approved', decidedOn: w.rel(decidedOn) });
  }
  // The city council has held the request for fifty days: the chain is halfway.
  await call('approvals.submit', { stepId: council!.id, submittedOn: w.rel(-50) });

  const florenceCase = await call('cases.create', {
    title: 'تمدید تفاهم‌نامه خواهرخواندگی با فلورانس',
    kind: 'agreement_negotiation',
    priority: 'high',
    ownerId: w.users.get('expert')!,
    openedOn: w.rel(-120),
    dueOn: w.rel(60),
    relationshipId: w.relationships.get('florence')!,
    area: 'cultural',
    tags: ['تفاهم‌نامه', 'فلورانس'],
  });
  for (const key of ['florenceProposal', 'florenceReply', 'florenceDraft', 'mfaOpinion', 'councilBill']) {
    await call('letters.update', { id: letters.byKey.get(key)!, caseId: florenceCase.id });
  }
  await call('cases.create', {
    title: 'تبادل ورزشی نوجوانان با قازان',
    kind: 'incoming_request',
    ownerId: w.users.get('protocol')!,
    openedOn: w.rel(-30),
    dueOn: w.rel(45),
    relationshipId: w.relationships.get('kazan')!,
    area: 'sport',
  });

  await call('tasks.create', {
    title: 'پیگیری تلفنی پاسخ وزارت کشور درباره مجوز سفر سنگاپور',
    ownerType: 'case',
    ownerId: summitCase.id,
    assigneeId: w.me ?? w.users.get('head')!,
    dueDate: w.rel(-2),
  });
  await call('tasks.create', {
    title: 'آماده کردن متن فارسی و انگلیسی سخنرانی اجلاس',
    ownerType: 'case',
    ownerId: summitCase.id,
    assigneeId: w.users.get('expert')!,
    dueDate: w.rel(60),
  });
  await call('tasks.create', {
    title: 'پاسخ به دعوت ایسی‌له‌مولینو برای روزهای میراث',
    ownerType: 'relationship',
    ownerId: w.relationships.get('issy')!,
    assigneeId: w.me ?? w.users.get('expert')!,
    dueDate: w.rel(-1),
  });
}

/** Four authorities for the sample's trip chain: the office's own, or new ones when it has too few. */
async function sampleAuthorities(call: Invoke): Promise<string[]> {
  const active = await call('approvals.authorities.list', {});
  const ids = active.slice(0, 4).map((a) => a.id);
  const extra: [string, string][] = [
    ['معاون شهردار', 'Deputy Mayor'],
    ['شهردار', 'Mayor'],
    ['شورای اسلامی شهر', 'City Council'],
    ['وزارت امور خارجه', 'Ministry of Foreign Affairs'],
  ];
  for (const [nameFa, nameEn] of extra.slice(ids.length)) {
    ids.push((await call('approvals.authorities.create', { nameFa, nameEn })).id);
  }
  return ids;
}
