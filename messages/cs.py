"""Every text kpss shows in Czech: one flat mapping, key → text (see messages/__init__.py)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # shared by several packages
    "common.did-you-mean": " Měli jste na mysli „{suggestion}“?",
    # counted words: `counted(n, key, lang)` picks .one, .few (2-4) or .many (0, 5 and up)
    "count.file.one": "{count} soubor",
    "count.file.few": "{count} soubory",
    "count.file.many": "{count} souborů",
    "count.file-not.one": "{count} soubor není",
    "count.file-not.few": "{count} soubory nejsou",
    "count.file-not.many": "{count} souborů není",
    "count.error.one": "{count} chyba",
    "count.error.few": "{count} chyby",
    "count.error.many": "{count} chyb",
    "count.warning.one": "{count} varování",
    "count.warning.few": "{count} varování",
    "count.warning.many": "{count} varování",
    "count.note.one": "{count} poznámka",
    "count.note.few": "{count} poznámky",
    "count.note.many": "{count} poznámek",
    # lint: KPxxx is the message, KPxxx.hint how to fix it, KPxxx.reason.<name>
    # the clause that a rule's `reason` argument stands for
    "lint.KP101": "Chyba v zápisu YAML: {reason}.",
    "lint.KP101.hint":
        "Zkontrolujte odsazení (mezery, ne tabulátory), dvojtečky za názvy polí a uzavřené "
        "uvozovky na tomto a předchozím řádku.",
    "lint.KP101.reason.unclosed-quote": "uvozovky otevřené na tomto řádku se neuzavírají",
    "lint.KP101.reason.text-after-quote": "za uzavřenými uvozovkami pokračuje text",
    "lint.KP101.reason.missing-space": "za dvojtečkou u pole „{key}“ chybí mezera",
    "lint.KP101.reason.missing-colon": "za názvem pole chybí dvojtečka",
    "lint.KP101.reason.colon-in-value":
        "text obsahuje dvojtečku s mezerou, takový text musí být v uvozovkách",
    "lint.KP101.reason.text-indentation":
        "řádek textu je odsazený méně než text nad ním; má začínat {spaces} mezerami jako ostatní "
        "řádky textu",
    "lint.KP101.reason.missing-pipe":
        "text pole „{key}“ začíná na dalším řádku, ale za dvojtečkou chybí znak |",
    "lint.KP101.reason.odd-space":
        "odsazení obsahuje nezlomitelnou nebo jinou zvláštní mezeru (nejspíš zkopírovanou z Wordu "
        "nebo webu); odsazujte obyčejnými mezerami",
    "lint.KP101.reason.space-in-time": "v čase je za dvojtečkou mezera",
    "lint.KP101.reason.colon-in-text":
        "text pole na předchozím řádku pokračuje a obsahuje dvojtečku s mezerou; takový "
        "víceřádkový text začněte znakem | hned za názvem pole (např. content: |) a na dalších "
        "řádcích ho odsaďte",
    "lint.KP101.reason.indentation":
        "řádek je odsazený jinak než pole, ke kterým patří; má začínat {spaces} mezerami",
    "lint.KP101.reason.indentation-none":
        "řádek je odsazený, ale pole na nejvyšší úrovni začínají na začátku řádku",
    "lint.KP101.reason.list-on-key-line": "položka seznamu (-) nemůže být na řádku s názvem pole",
    "lint.KP101.reason.unclosed-bracket": "závorka otevřená na tomto řádku se neuzavírá",
    "lint.KP101.reason.other": "{detail}",
    "lint.KP102": "Pole „{key}“ je v záznamu dvakrát.",
    "lint.KP102.hint":
        "Každé pole smí být v jednom objektu jen jednou; spojte obě hodnoty do jedné a tento "
        "řádek smažte.",
    "lint.KP103": "Řádek obsahuje tabulátor.",
    "lint.KP103.hint": "YAML odsazuje jen mezerami: nahraďte tabulátor mezerami (zde {spaces}).",
    "lint.KP104": "Soubor není v kódování UTF-8 (bajt {byte}).",
    "lint.KP104.hint":
        "Uložte soubor v kódování UTF-8 (ve VS Code: „Save with Encoding“ → UTF-8); soubory z "
        "Wordu nebo Windows-1250 je třeba převést.",
    "lint.KP105": "Soubor je prázdný.",
    "lint.KP105.hint": "Doplňte záznam, nebo soubor smažte.",
    "lint.KP106": "Odkazy YAML (&kotva a *alias) nejsou v záznamech povoleny.",
    "lint.KP106.hint": "Napište hodnotu celou na každé místo, kde je potřeba.",
    "lint.KP107": "Slučovací klíč YAML „<<“ není v záznamech povolen.",
    "lint.KP107.hint": "Vypište všechna pole přímo do objektu.",
    "lint.KP108": "Značka YAML „{tag}“ není v záznamech povolena.",
    "lint.KP108.hint":
        "Odstraňte značku začínající „!“; záznamy obsahují jen text, čísla a seznamy.",
    "lint.KP109": "Soubor je příliš velký ({size} B, nejvýše {limit} B).",
    "lint.KP109.hint":
        "Záznam jednoho jednání má pár kilobajtů; rozdělte obsah nebo odstraňte vložená data.",
    "lint.KP110": "Soubor „{name}“ není záznam (záznamy mají příponu .yaml).",
    "lint.KP110.hint": "Přejmenujte soubor na .yaml, nebo ho přesuňte mimo složku records/.",
    "lint.KP111": "Složka „{folder}“ není složka záznamů.",
    "lint.KP111.hint": "Záznamy patří do jedné ze složek: {allowed}.",
    "lint.KP112": "Soubor začíná značkou BOM.",
    "lint.KP112.hint": "Uložte soubor jako UTF-8 bez BOM.",
    "lint.KP113": "Záznam je vnořený hlouběji než {limit} úrovní.",
    "lint.KP113.hint": "Záznamy mají jen několik úrovní; zkontrolujte závorky a odsazení.",
    "lint.KP114": "Soubor nelze přečíst: {reason}.",
    "lint.KP114.hint": "Zkontrolujte, že jde o obyčejný soubor s příponou .yaml.",
    "lint.KP114.reason.directory": "adresář s názvem záznamu",
    "lint.KP114.reason.not-a-file": "není obyčejný soubor",
    "lint.KP115": "Symbolický odkaz vede mimo složku records/.",
    "lint.KP115.hint": "Záznamy musí ležet přímo v repozitáři; nahraďte odkaz souborem.",
    "lint.KP116": "Ve složce records/ nejsou žádné záznamy.",
    "lint.KP116.hint": "Zkontrolujte, že příkaz spouštíte v kořeni repozitáře.",
    "lint.KP117": "První řádek neodkazuje na schéma záznamu.",
    "lint.KP117.hint":
        "Dejte na první řádek „{expected}“; editor (VS Code) pak napovídá pole a hodnoty. Doplní "
        "ho i `python -m edit format`.",
    "lint.KP201": "Chybí povinné pole „{property}“ (v {field}).",
    "lint.KP201.hint": "Doplňte pole „{property}“.",
    "lint.KP202": "Neznámé pole „{property}“.",
    "lint.KP202.hint": "Názvy polí jsou anglicky; povolená pole zde: {allowed}.",
    "lint.KP203": "Pole {field} má špatný typ: {reason}.",
    "lint.KP203.hint": "Hodnotu zapište v podobě, jakou pole čeká.",
    "lint.KP203.reason.type": "má tu být {expected}, je zde {actual}",
    "lint.KP203.reason.missing-pipe":
        "má tu být {expected}, je zde {actual}; víceřádkový text začíná znakem | hned za názvem "
        "pole",
    "lint.KP204": "Hodnota „{value}“ v poli {field} není povolena.",
    "lint.KP204.hint": "Povolené hodnoty: {allowed}.",
    "lint.KP205": "Hodnota „{value}“ v poli {field} {reason}.",
    "lint.KP205.hint":
        "Datum pište jako RRRR-MM-DD a jen skutečné dny (ne 2022-02-30), adresu celou i s "
        "https://.",
    "lint.KP205.reason.date": "není datum ve tvaru RRRR-MM-DD, nebo takový den není",
    "lint.KP205.reason.uri": "není celá webová adresa (https://…)",
    "lint.KP205.reason.other": "nemá platný tvar",
    "lint.KP206": "Hodnota „{value}“ v poli {field} nemá správný tvar.",
    "lint.KP206.hint": "Zapište hodnotu v tvaru, který pole čeká.",
    "lint.KP207": "Pole {field}: {reason}.",
    "lint.KP207.hint": "Opravte hodnotu tak, jak říká popis pole.",
    "lint.KP207.reason.min-items": "seznam nesmí být prázdný (alespoň {limit} položka)",
    "lint.KP207.reason.min-length": "hodnota nesmí být prázdná",
    "lint.KP207.reason.max-length": "text je delší, než pole dovoluje ({limit} znaků)",
    "lint.KP207.reason.unique-items": "některá položka je v seznamu dvakrát",
    "lint.KP207.reason.minimum": "číslo „{value}“ je menší než {limit}",
    "lint.KP207.reason.maximum": "číslo „{value}“ je větší než {limit}",
    "lint.KP207.reason.other": "hodnota „{value}“ neodpovídá popisu pole",
    "lint.KP301": "Id „{id}“ neodpovídá názvu souboru (očekáváno „{expected}“).",
    "lint.KP301.hint": "Id a název souboru (bez .yaml) musí být stejné; přejmenujte jedno z nich.",
    "lint.KP302": "Id „{id}“ už má jiný záznam ({other}).",
    "lint.KP302.hint": "Každý záznam potřebuje jedinečné id; zvolte jiné.",
    "lint.KP303": "Odkaz na neexistující záznam ({kind}) „{id}“.",
    "lint.KP303.hint": "Zkontrolujte překlep, nebo záznam nejdřív založte.",
    "lint.KP306": "Pole {field} ještě obsahuje zástupný text TODO.",
    "lint.KP306.hint": "Nahraďte TODO skutečnou hodnotou, nebo pole smažte, není-li povinné.",
    "lint.KP304": "Záznam je uložen na nesprávném místě: {reason} Patří do „{expected}“.",
    "lint.KP304.hint":
        "Přesuňte nebo přejmenujte soubor (a id upravte tak, aby se shodovalo s názvem souboru); "
        "pokud je chybné datum jednání, opravte datum.",
    "lint.KP304.reason.year-folder": "záznam ({kind}) patří do složky roku svého data.",
    "lint.KP304.reason.id-date":
        "id záznamu ({kind}) i název souboru začínají jeho datem z pole {field} (RRRR-MM-DD-).",
    "lint.KP304.reason.kind-folder":
        "záznam ({kind}) patří přímo do složky svého druhu, ne do podsložky.",
    "lint.KP305": "Skupina „{group}“ má uvedený kalendář „{calendar}“, který ji nezobrazuje.",
    "lint.KP305.hint":
        "Doplňte skupinu do seznamu groups v souboru records/calendars/{calendar}.yaml, nebo u "
        "skupiny uveďte správný kalendář.",
    "lint.KP401": "Konec jednání ({end}) {reason}.",
    "lint.KP401.hint":
        "Zkontrolujte časy start a end (HH:MM ve 24hodinovém formátu, např. 14:00 a 16:00); konec "
        "uvádějte jen spolu se začátkem.",
    "lint.KP401.reason.end-not-after-start": "není později než jeho začátek ({start})",
    "lint.KP401.reason.end-without-start": "je uveden bez času začátku",
    "lint.KP402":
        "Čas {time} dne {date} neexistuje: v tu noc se hodiny posouvají na letní čas (ze 2:00 na "
        "3:00).",
    "lint.KP402.hint":
        "Zvolte čas před 2:00 nebo od 3:00; nejspíš jde o překlep v čase nebo v datu.",
    "lint.KP403":
        "Čas {time} dne {date} nastane dvakrát: v tu noc se hodiny vracejí z letního na zimní čas "
        "(ze 3:00 na 2:00).",
    "lint.KP403.hint":
        "Zvolte jiný čas, nebo do poznámky (note) napište, zda jde o letní, nebo zimní čas.",
    "lint.KP404": "Jednání {date} připadá na státní svátek ({holiday}).",
    "lint.KP404.hint": "Zkontrolujte den a měsíc; ve svátek je většina úřadů a služeb zavřená.",
    "lint.KP405": "Jednání {date} připadá na víkend ({day}).",
    "lint.KP405.hint": "Zkontrolujte den a měsíc; skupiny se scházejí v pracovní dny.",
    "lint.KP406": "Jednání {date} je mimo období činnosti skupiny {group} ({period}).",
    "lint.KP406.hint":
        "Zkontrolujte datum a skupinu: přejmenovaná nebo sloučená skupina má nový záznam, uveďte "
        "ten. Případně opravte active.from a active.until ve skupině.",
    "lint.KP407": "Osoba „{person}“ je v účasti na jednání uvedena podruhé (poprvé v {first}).",
    "lint.KP407.hint":
        "Každá osoba patří jen do jednoho seznamu: present (přítomni), excused (omluveni), nebo "
        "guests (hosté). Druhý výskyt smažte.",
    "lint.KP408": "Osoba „{person}“ je ve stejnou dobu i na jednání {other} ({date}).",
    "lint.KP408.hint":
        "Zkontrolujte účast a časy obou jednání; nikdo nemůže být na dvou jednáních zároveň.",
    "lint.KP409": "Místo „{place}“ je ve stejnou dobu obsazeno jednáním {other} ({date}).",
    "lint.KP409.hint":
        "Zvolte jinou místnost nebo čas; pokud je čas některého jednání zapsán chybně, opravte "
        "ho.",
    "lint.KP410": "Jednání {date} má stav held (konalo se), ale teprve nastane (dnes je {today}).",
    "lint.KP410.hint": "Opravte datum, nebo stav změňte na planned; held zapište až po jednání.",
    "lint.KP411": "Jednání {date} už proběhlo, ale má stále stav planned.",
    "lint.KP411.hint":
        "Zapište, zda se jednání konalo: status held (s účastí a zápisem), cancelled (s důvodem "
        "zrušení), nebo postponed (s odkazem na nový termín).",
    "lint.KP412":
        "Odložení není propojené s novým termínem: jednání „{other}“ má mít „{field}: {value}“.",
    "lint.KP412.hint":
        "Odložené jednání má status postponed a v poli postponed_to id nového termínu; nové "
        "jednání má v poli postponed_from id odloženého. Doplňte chybějící odkaz (a případně "
        "založte záznam nového termínu).",
    "lint.KP413": "Zrušené jednání nemá uvedený důvod zrušení.",
    "lint.KP413.hint":
        "Doplňte pole cancellation_reason, např. „nemoc vedoucí skupiny“; důvod se zobrazí v "
        "kalendáři u zrušeného jednání.",
    "lint.KP414":
        "Jednání se stavem {status} má vyplněno {field}; přítomné a zápis má jen jednání, které "
        "se konalo (held).",
    "lint.KP414.hint":
        "Pokud se jednání konalo, změňte status na held; jinak pole {field} odstraňte (omluvené "
        "lze uvést předem).",
    "lint.KP501":
        "Osoba „{person}“ byla přítomna, ale v den jednání není členem skupiny ({groups}).",
    "lint.KP501.hint":
        "Pokud je osoba členem, doplňte ji do members ve skupině (s datem from); pokud přišla "
        "jako host, přesuňte ji do attendance.guests.",
    "lint.KP502":
        "Členství osoby „{person}“ se překrývá s {other}. záznamem téže osoby v members (platným "
        "do {until}).",
    "lint.KP502.hint":
        "Při změně role ukončete předchozí záznam polem until (den před from nového záznamu), "
        "nebo oba záznamy spojte do jednoho.",
    "lint.KP601": "Usnesení či úkol nesedí k jednání „{meeting}“: {reason}.",
    "lint.KP601.hint":
        "Zkontrolujte pole meeting a group: usnesení patří k jednání, které se konalo, a ke "
        "skupině, která ho přijala.",
    "lint.KP601.reason.group": "je to jednání skupin {groups}, ne skupiny {group}",
    "lint.KP601.reason.not-held":
        "jednání má stav {status}, usnesení se přijímají jen na jednání, které se konalo (held)",
    "lint.KP602": "Stav „{status}“ není doložen kontrolou úkolů: {reason}.",
    "lint.KP602.hint":
        "Stav se mění jen kontrolou na pozdějším jednání: do jeho záznamu doplňte task_checks s "
        "tímto úkolem a stavem a stejný stav uveďte zde.",
    "lint.KP602.reason.no-check": "žádné jednání úkol nezkontrolovalo, stav má proto být {initial}",
    "lint.KP602.reason.differs":
        "poslední kontrola na jednání {meeting} ({date}) zapsala stav {checked}",
    "lint.KP603": "Kontrola úkolu „{task}“ je u nesprávného jednání: {reason}.",
    "lint.KP603.hint":
        "Přesuňte položku task_checks do záznamu pozdějšího jednání, které se konalo (status "
        "held).",
    "lint.KP603.reason.not-after":
        "úkol vznikl na jednání {origin} ({date}), zkontrolovat ho lze až na pozdějším jednání",
    "lint.KP603.reason.not-held":
        "toto jednání má stav {status}, kontrola patří do záznamu jednání, které se konalo",
    "lint.KP604": "Úkol měl být splněn do {due}, ale má stále stav {status}.",
    "lint.KP604.hint":
        "Zařaďte úkol do kontroly úkolů na nejbližším jednání a zapište nový stav (done, "
        "cancelled) nebo nový termín.",
    "lint.KP701": "Zápis z tohoto jednání už byl schválen a nesmí se měnit.",
    "lint.KP701.hint":
        "Vraťte změny v tomto souboru; pozdější fakta a opravy zapište do záznamu dalšího jednání "
        "(do poznámky nebo do kontroly úkolů).",
    "lint.KP801": "Konec termínu ({end}) {reason}.",
    "lint.KP801.hint":
        "Zkontrolujte pole start, end, start_time a end_time podle zápisu; nejčastěji jde o "
        "překlep v měsíci nebo roce.",
    "lint.KP801.reason.end-before-start": "je dřív než jeho začátek ({start})",
    "lint.KP801.reason.end-without-start": "je uveden bez času začátku",
    "lint.KP801.reason.end-time-not-after-start": "není později než čas začátku ({start})",
    "lint.KP802":
        "Termín uvádí jednání „{meeting}“, které má stav {status}; termíny pocházejí jen ze "
        "zápisu z jednání, které se konalo.",
    "lint.KP802.hint": "Do reported_at uveďte id jednání, jehož zápis termín uvádí (status held).",
    "lint.KP803": "U termínu s přesností na měsíc má {field} být „{expected}“, je zde „{value}“.",
    "lint.KP803.hint":
        "Při precision: month je start první den měsíce a end poslední den měsíce; pokud zápis "
        "uvádí přesný den, pole precision odstraňte.",
    "lint.KP804": "Výzva (type: call) od {start} nemá uvedený konec.",
    "lint.KP804.hint":
        "Doplňte pole end (poslední den, kdy lze podávat žádosti); pokud jde o jediný den, zvolte "
        "type: deadline.",
    "lint.KP805":
        "Datum {field} ({value}) je víc než 10 let od jednání „{meeting}“ ({date}), které termín "
        "uvedlo.",
    "lint.KP805.hint": "Zkontrolujte rok; nejspíš jde o překlep (např. 2202 místo 2022).",
    "lint.KP806": "Kalendář „{calendar}“ termíny nezobrazuje (kinds: {kinds}).",
    "lint.KP806.hint":
        "Uveďte kalendář, který termíny přijímá (např. terminy), nebo do záznamu kalendáře "
        "doplňte dated do pole kinds.",
    "lint.fixed": "Napište řádek takto: „{fixed}“.",
    "lint.summary": "Zkontrolováno {files}: {errors}, {warnings}, {notes}.",
    "lint.whole-record": "záznamu",
    "lint.label.hint": "nápověda",
    "lint.or": " nebo ",
    "lint.type.string": "text",
    "lint.type.integer": "celé číslo",
    "lint.type.number": "číslo",
    "lint.type.boolean": "ano/ne (true/false)",
    "lint.type.object": "skupina polí (pole: hodnota na dalších řádcích)",
    "lint.type.array": "seznam (položky s pomlčkou)",
    "lint.type.null": "prázdná hodnota",
    # the linter's command line
    "lint.help.description":
        "Zkontroluje záznamy ve složce records/: schéma každého záznamu a pravidla konzistence "
        "mezi nimi. Chyby vypíše česky s číslem řádku a nápovědou.",
    "lint.help.paths":
        "hlásit jen problémy v těchto souborech či složkách (kontroluje se vždy celý repozitář)",
    "lint.help.format":
        "podoba výpisu: text (pro lidi), json (pro nástroje), github (anotace v pull requestu)",
    "lint.help.lang": "jazyk hlášení a nápovědy: cs (čeština), en (angličtina)",
    "lint.help.strict": "varování také vedou k chybě (exit 1)",
    "lint.help.today": "dnešní datum pro pravidla o čase (RRRR-MM-DD)",
    "lint.help.base": "porovnat se stavem v této větvi či commitu (schválené zápisy se nemění)",
    "lint.help.root": "kořen repozitáře (výchozí: aktuální složka)",
    "lint.help.jobs": "počet souběžných procesů (výchozí: počet jader)",
    "lint.metavar.paths": "CESTA",
    "lint.metavar.today": "RRRR-MM-DD",
    "lint.metavar.base": "REF",
    "lint.metavar.root": "SLOŽKA",
    "lint.metavar.jobs": "POČET",
    "lint.no-path": "cesta neexistuje: {path}",
    "lint.no-schemas": "ve složce {root} chybí schemas/ (spusťte v kořeni repozitáře)",
    "lint.internal": "vnitřní chyba při čtení {file}: {detail}",
    # sync
    "sync.config":
        "Chybí nebo je špatně nastavení: {name}. Nastavte proměnné prostředí KPSS_CALDAV_URL, "
        "KPSS_CALDAV_USERNAME a KPSS_CALDAV_PASSWORD (nebo KPSS_CALDAV_PASSWORD_FILE); viz "
        "README.",
    "sync.insecure":
        "Adresa serveru {host} používá nešifrované http; heslo by šlo sítí čitelně. Použijte "
        "https, nebo (jen pokud víte proč) přidejte --allow-insecure-http.",
    "sync.outside": "Adresa {url} vede mimo nastavený server; synchronizace ji odmítá.",
    "sync.records": "Záznamy obsahují chyby (viz výše); do kalendáře se nic neodeslalo.",
    "sync.auth":
        "Server odmítl přihlášení (HTTP 401) na {url}: zkontrolujte uživatelské jméno a heslo "
        "servisního účtu.",
    "sync.forbidden":
        "Účet nemá oprávnění (HTTP 403) k {url}{reason}: požádejte správce serveru (IT města) o "
        "právo čtení a zápisu (DAV:read, DAV:write) servisního účtu do jeho kalendářů a o právo "
        "zakládat kalendáře v jeho domovské složce.",
    "sync.notfound": "Adresa {url} na serveru neexistuje (HTTP 404): zkontrolujte KPSS_CALDAV_URL.",
    "sync.noevents":
        "{url} je kalendář jen pro úkoly (třeba tabule aplikace Deck v Nextcloudu), ne pro "
        "události: synchronizace do něj nic nezapíše. Dejte kalendáři v záznamech jiné id, nebo "
        "ten na serveru přejmenujte či odstraňte.",
    "sync.notcalendar":
        "{url} není kalendář CalDAV: zkontrolujte KPSS_CALDAV_URL (má vést na kořen serveru nebo "
        "na domovskou složku kalendářů).",
    "sync.tls":
        "Certifikát serveru {url} nelze ověřit (TLS). Je-li certifikát vydán vlastní autoritou, "
        "předejte ji přes --ca-bundle SOUBOR.",
    "sync.timeout":
        "Server {url} neodpověděl včas ani po opakování. Spusťte synchronizaci znovu později; "
        "dokončí, co zbylo.",
    "sync.network":
        "Spojení se serverem {url} selhalo ({detail}). Spusťte synchronizaci znovu; dokončí, co "
        "zbylo.",
    "sync.server":
        "Server {url} hlásí chybu ({detail}) i po opakování. Spusťte synchronizaci později.",
    "sync.rejected": "Server {url} odmítl data ({detail}).",
    "sync.badresponse":
        "Odpovědi serveru {url} nelze rozumět ({detail}). Spusťte synchronizaci znovu.",
    "sync.toolarge":
        "Odpověď serveru {url} je delší než {limit} MB; synchronizace ji nečte dál. Zkontrolujte "
        "KPSS_CALDAV_URL a server.",
    "sync.toomany":
        "Odpověď serveru {url} má víc než {limit} položek; synchronizace tolik nepřijímá.",
    "sync.deadline":
        "Synchronizace nestihla skončit do {seconds} s (--deadline); server {url} odpovídá příliš "
        "pomalu. Spusťte ji znovu; dokončí, co zbylo.",
    "sync.internal":
        "Vnitřní chyba synchronizace ({detail}); nic dalšího se nezapsalo. Nahlaste ji prosím "
        "správcům repozitáře.",
    "sync.warn_oversized":
        "Upozornění: událost {url} v kalendáři je větší než {limit} MB; synchronizace ji nečte a "
        "nechává ji být (není její).",
    "sync.redirect":
        "Server přesměrovává {url} jinam ({target}); synchronizace přesměrování nenásleduje. "
        "Zkontrolujte KPSS_CALDAV_URL (má vést přímo na server CalDAV).",
    "sync.token": "Server {url} nevydal změny od poslední synchronizace (RFC 6578).",
    "sync.precondition":
        "Událost {url} se mezitím na serveru změnila (HTTP 412). Spusťte synchronizaci znovu; "
        "změny se sladí.",
    "sync.massdelete":
        "Synchronizace by v kalendáři {calendar} smazala {count} z {total} jednání. To vypadá na "
        "chybu v záznamech, proto se nic nezměnilo. Pokud je to záměr, spusťte ji s "
        "--allow-mass-delete.",
    "sync.props": "Server nepřevzal název, popis nebo barvu kalendáře {url}.",
    "sync.serve_running":
        "Místní kalendářový server Radicale běží na {url}. Kalendáře k odběru (adresu vložte do "
        "kalendáře jako odběr / „přidat kalendář z internetu“):",
    "sync.serve_stop":
        "Server běží, dokud ho neukončíte klávesami Ctrl+C. Data má ve složce {folder}, takže "
        "adresy platí i po dalším spuštění; smazáním složky server vynulujete.",
    "sync.serve_port":
        "Port {port} na tomto počítači už používá jiný program (třeba jiný běžící `nox -s "
        "serve`). Ukončete ho, nebo zvolte jiný port: `nox -s serve -- --port {other}` (odběry z "
        "portu {port} pak přestanou platit).",
    "sync.serve_failed": "Místní server Radicale se nespustil ({detail}); jeho výpis je v {log}.",
    "sync.serve_once":
        "Server se ukončuje (--once); data zůstávají ve složce {folder} pro další spuštění.",
    "sync.sync": "Synchronizace selhala: {detail}",
    "sync.unknown_calendar": "Kalendář „{id}“ v záznamech není. Dostupné: {known}.",
    "sync.unknown_calendar_close":
        "Kalendář „{id}“ v záznamech není. Nemysleli jste „{close}“? Dostupné: {known}.",
    "sync.summary":
        "{id}: vytvořeno {created}, změněno {updated}, smazáno {deleted}, beze změny {unchanged}",
    "sync.quiet":
        "Záznamy se od poslední synchronizace nezměnily a kalendáře na serveru také ne: není co "
        "nahrát (záznamy byly zkontrolovány, když se nahrávaly).",
    "sync.requests": "Požadavků na server: {requests} (zápisů: {writes}).",
    "sync.dry_run": "Zkouška nanečisto (--dry-run): nic se nezapsalo.",
    "sync.warn_state":
        "Upozornění: server neuložil pomocnou vlastnost kalendáře {id}; příští běh bude stahovat "
        "více dat.",
    "sync.not_created":
        "Server ho zatím nezaložil (HTTP {status}: nejspíš limit nových kalendářů za hodinu nebo "
        "počtu kalendářů; Nextcloud jich za hodinu povolí 10). Ostatní kalendáře se nahrály, "
        "tento založí příští běh; trvá-li to, požádejte správce serveru o zvýšení limitu.",
    "sync.no_cache":
        "Server neukládá mezipaměť synchronizace (ani vlastnost kalendáře, ani DAV:comment); "
        "každý běh proto porovná události přímo: víc požadavků, stejný výsledek.",
    "sync.no_cache_yet":
        "Kalendáře na serveru nemají mezipaměť synchronizace; události se porovnaly přímo.",
    "sync.warn_newer":
        "Přeskočeno: kalendář {id} už nese novější commit {newer} (tento běh je z {ours}); starší "
        "obsah se zpět nenahrává.",
    "sync.plan_newer":
        "{id}: přeskočit — na serveru je novější commit {newer} (tento běh je z {ours})",
    "sync.warn_skipped":
        "Upozornění: v kalendáři {id} synchronizace nechala beze změny {count} položek, které "
        "nejsou její událostí nebo jejichž adresa nevede přímo do kalendáře (např. {example}).",
    "sync.event_failed": "{id}: {file} se nezapsalo. {reason}",
    "sync.calendar_failed": "{id}: kalendář se nepodařilo synchronizovat. {reason}",
    "sync.partly":
        "Synchronizace skončila s chybami: server odmítl {count} zápisů (důvody výše); vše "
        "ostatní se zapsalo. Po opravě spusťte synchronizaci znovu, dokončí jen to, co zbylo.",
    "sync.warn_props": "Upozornění: server nepřevzal název, popis nebo barvu kalendáře {id}.",
    "sync.plan.create": "vytvořit",
    "sync.plan.update": "změnit",
    "sync.plan.delete": "smazat",
    "sync.plan.unchanged": "beze změny",
    "sync.plan.calendar": "založit kalendář",
    "sync.seconds": "{value}: kladný počet sekund",
    # the sync's command line (argparse)
    "sync.help.push":
        "Nahraje harmonogram jednání do kalendáře CalDAV (nastavení v KPSS_CALDAV_*). `python -m "
        "sync ics --out SLOŽKA` místo toho zapíše soubory .ics.",
    "sync.help.dry-run": "jen vypsat plán, nic nezapsat",
    "sync.help.calendar": "jen tento kalendář (id záznamu)",
    "sync.help.timeout": "nejvýše sekund na jeden požadavek celkem (výchozí 30)",
    "sync.help.deadline": "nejvýše sekund na celý běh se všemi požadavky (výchozí 600)",
    "sync.help.allow-mass-delete": "povolit smazání většiny jednání v kalendáři",
    "sync.help.allow-insecure-http": "povolit nešifrované http i mimo tento počítač",
    "sync.help.ca-bundle": "certifikační autorita serveru",
    "sync.help.verbose": "vypsat i nezměněná jednání",
    "sync.help.complete-history":
        "historie gitu v úloze obsahuje všechny commity větve (checkout s fetch-depth: 0): commit "
        "na serveru, který git nezná, je podvržený a nerozhoduje o pořadí",
    "sync.help.serve":
        "Spustí místní Radicale, nahraje do něj harmonogram a vypíše adresy k odběru.",
    "sync.help.port": "port (výchozí: {port}; 0 = kterýkoli volný)",
    "sync.help.data":
        "složka pro data serveru (výchozí: {data} v kořeni repozitáře; smazáním se server "
        "vynuluje)",
    "sync.help.once": "po nahrání server hned ukončit",
    "sync.help.ics":
        "Zapíše za každý kalendář <id>.ics k odběru (jednání za poslední rok a všechna "
        "nadcházející) a <id>-archiv.ics (všechna jednání).",
    "sync.help.out": "cílová složka",
    "sync.help.lang": "jazyk hlášení (výchozí: cs)",
    "sync.help.root": "kořen repozitáře (výchozí: aktuální složka)",
    "sync.help.today": "den, vůči kterému se záznamy posuzují (výchozí: dnes)",
    "sync.metavar.folder": "SLOŽKA",
    "sync.metavar.date": "RRRR-MM-DD",
    # edit
    "edit.no-root":
        "Ve složce {root} chybí records/ nebo schemas/; spusťte příkaz v kořeni repozitáře (nebo "
        "zadejte --root).",
    "edit.unknown": "Neznámý záznam ({kind}) „{id}“.",
    "edit.exists":
        "Soubor {path} už existuje; nic se nezměnilo. Otevřete ho a upravte, nebo zvolte jiné "
        "datum či identifikátor.",
    "edit.invalid-record":
        "Záznam {path} nelze načíst ({detail}); nejdřív ho opravte (python -m lint).",
    "edit.schema-errors": "Záznam {path} má chyby; nejdřív je opravte (python -m lint {path}).",
    "edit.not-planned":
        "Jednání {id} má stav {status}; tento příkaz mění jen plánované jednání (planned).",
    "edit.in-future": "Jednání {id} je až {date}; zápis lze založit nejdříve v den jednání.",
    "edit.not-held":
        "Jednání {id} má stav {status}; usnesení a úkoly patří k jednání, které se konalo "
        "(nejdřív: python -m edit new minutes --meeting {id}).",
    "edit.which-group": "Jednání {id} má více skupin ({groups}); zadejte --group.",
    "edit.not-a-group-of": "Skupina {group} nepatří k jednání {id} (skupiny: {groups}).",
    "edit.same-date":
        "Nový termín {date} je stejný jako dosavadní; pro změnu času upravte pole start.",
    "edit.end-without-start": "Konec jednání (--end) lze zadat jen se začátkem (--time).",
    "edit.bad-date": "„{value}“ není datum ve tvaru RRRR-MM-DD, např. 2022-08-31.",
    "edit.bad-time": "„{value}“ není čas ve tvaru HH:MM, např. 14:00.",
    "edit.bad-name": "Ze jména „{value}“ nelze vytvořit identifikátor; zadejte --id.",
    "edit.written": "Založeno: {path}",
    "edit.changed": "Upraveno: {path}",
    "edit.todo":
        "Doplňte místa označená TODO a DOPLŇTE (celkem {count}) a zkontrolujte: python -m lint",
    "edit.check": "Zkontrolujte: python -m lint",
    "edit.not-canonical": "{path}: není v jednotném formátu",
    "edit.formatted": "Naformátováno: {path}",
    "edit.unparsable":
        "{path}:{detail} (soubor není platný YAML, nelze ho naformátovat; podrobnosti česky: "
        "python -m lint {path})",
    "edit.no-path": "Cesta neexistuje: {path}",
    "edit.format-summary":
        "Zkontrolováno {files}: {bad} v jednotném formátu. Opravíte to příkazem python -m edit "
        "format",
    "edit.bad-json": "Vstup není výstup příkazu python -m lint --format json: {detail}",
    "edit.help.edit":
        "Založí nebo upraví záznam (jednání, zápis, osobu, ...) a udržuje jednotný formát souborů "
        "v records/.",
    "edit.help.new": "založit nový záznam",
    "edit.help.root": "kořen repozitáře (výchozí: aktuální složka)",
    "edit.help.lang": "jazyk hlášení a nápovědy: cs, en",
    "edit.help.today": "dnešní datum, pro zkoušky",
    "edit.metavar.folder": "SLOŽKA",
    "edit.metavar.command": "PŘÍKAZ",
    "edit.metavar.kind": "DRUH",
    "edit.help.new.meeting": "plánované jednání skupiny",
    "edit.help.meeting.group": "id skupiny, např. rps",
    "edit.metavar.id": "ID",
    "edit.help.meeting.date": "datum jednání",
    "edit.metavar.date": "RRRR-MM-DD",
    "edit.help.meeting.time": "začátek (výchozí: obvyklý)",
    "edit.metavar.time": "HH:MM",
    "edit.help.meeting.end": "konec (výchozí: obvyklý)",
    "edit.help.meeting.venue": "id místa (výchozí: obvyklé místo skupiny)",
    "edit.help.meeting.room": "místnost, např. 209",
    "edit.metavar.room": "MÍSTNOST",
    "edit.help.meeting.title": "název jednání (výchozí: Jednání <zkratka skupiny>)",
    "edit.metavar.text": "TEXT",
    "edit.help.new.minutes": "zápis z proběhlého jednání",
    "edit.help.meeting": "id jednání, např. 2022-10-19-rps",
    "edit.help.new.person": "osoba",
    "edit.help.person.name": 'jméno, např. "Jana Nováková"',
    "edit.help.person.organisation": "id organizace, kterou zastupuje",
    "edit.help.person.id": "vlastní id (výchozí: ze jména, např. jana-novakova)",
    "edit.help.new.organisation": "organizace",
    "edit.help.organisation.name": "celý název",
    "edit.help.organisation.abbreviation": "zkratka ze zápisů, např. OCHL",
    "edit.help.organisation.kind": "druh organizace",
    "edit.help.organisation.id": "vlastní id (výchozí: ze zkratky nebo názvu)",
    "edit.help.new.task": "úkol z jednání",
    "edit.help.decision.meeting": "id jednání, které ho přijalo",
    "edit.help.decision.text": "znění podle zápisu",
    "edit.help.decision.group": "skupina (jen u jednání více skupin)",
    "edit.help.decision.item": "číslo bodu programu (od 1)",
    "edit.metavar.number": "ČÍSLO",
    "edit.help.decision.name": "krátký název do id (výchozí: první slova textu)",
    "edit.help.generic.name": 'krátký název do id (výchozí: první slova názvu)',
    "edit.metavar.name": "NÁZEV",
    "edit.help.task.assignee": "id odpovědné osoby nebo organizace (lze opakovat)",
    "edit.help.task.due": "termín splnění",
    "edit.help.new.decision": "usnesení jednání",
    "edit.help.cancel": "zrušit plánované jednání",
    "edit.help.cancel.reason": "důvod zrušení (uvidí ho odběratelé)",
    "edit.help.postpone": "přesunout jednání na jiný den",
    "edit.help.postpone.date": "nové datum",
    "edit.help.postpone.time": "nový začátek (výchozí: dosavadní)",
    "edit.help.postpone.end": "nový konec (výchozí: se stejnou délkou)",
    "edit.help.format": "sjednotit formát záznamů",
    "edit.help.format.paths": "soubory či složky (výchozí: records/)",
    "edit.metavar.path": "CESTA",
    "edit.help.format.check": "nic neměnit, jen vypsat rozdíly (exit 1, pokud nějaké jsou)",
    "edit.help.settle": "doplnit id a formát po webovém editoru (CMS)",
    "edit.help.cms": "vytvořit konfiguraci webového editoru (CMS) ze schémat",
    "edit.help.cms.out": "kam ji zapsat (výchozí: web/admin/config.yml)",
    "edit.help.cms.check": "nic neměnit, jen ověřit, že soubor odpovídá schématům (exit 1)",
    "edit.help.cms.local-backend": "adresa decap-server pro zkoušení na vlastním počítači",
    "edit.metavar.file": "SOUBOR",
    "edit.metavar.url": "URL",
    "edit.cms-stale": "{path} neodpovídá schématům; vytvořte ho znovu: python -m edit cms",
    "edit.help.codequality": "JSON z python -m lint --format json → GitLab Code Quality",
    # web
    "web.records": "Záznamy obsahují chyby (viz výše); stránky se nevytvořily.",
    "web.extras": "Chybí balíček {name}: nainstalujte `pip install -e .[site]`.",
    "web.root": "Ve složce {root} nejsou záznamy (chybí schemas/); zadejte --root.",
    "web.built":
        "Stránky jsou ve složce {out}: {pages} stránek, {calendars} kalendářů .ics, největší "
        "stránka {largest} kB.",
    "web.admin-missing": "Editor /admin/ se nevytvořil: chybí {path} (nainstalujte ho: "
                         "bash scripts/install-cms.sh). Ostatní stránky jsou hotové.",
    "web.admin-wrong": "Editor /admin/ se nevytvořil: {path} se liší od otisku ve "
                       "web/admin/bundle.sha256 (poškozený nebo podvržený balíček; nainstalujte "
                       "ho znovu: bash scripts/install-cms.sh). Ostatní stránky jsou hotové.",
    "web.usage":
        "Použití: python -m web build --out SLOŽKA [--today RRRR-MM-DD] [--base-url URL] "
        "[--calendar-url URL] [--no-pdf]",
    "web.help.build":
        "Vytvoří statické webové stránky z ověřených záznamů (jednání, skupiny, úkoly, komunitní "
        "plán, kalendáře k odběru).",
    "web.help.out": "cílová složka",
    "web.help.today": "den, od kterého jsou jednání „nadcházející“ (výchozí: dnes)",
    "web.help.base-url":
        "veřejná adresa webu, např. https://kpss.liberec.cz/ (pro odkazy webcal:// a https:// na "
        "soubory .ics)",
    "web.help.calendar-url":
        "veřejná adresa kalendářů na serveru CalDAV: předpona, za kterou se připojí id kalendáře, "
        "nebo vzor s {{id}} (výchozí: proměnná {variable})",
    "web.help.root": "kořen repozitáře",
    "web.help.publisher":
        "kdo data zveřejňuje a jednání pořádá (výchozí: proměnná {variable}, jinak „{default}“)",
    "web.help.publisher-ico": "IČO zveřejňovatele (výchozí: proměnná {variable}, jinak {default})",
    "web.help.contact-email":
        "veřejná adresa pro dotazy k otevřeným datům (výchozí: proměnná {variable})",
    "web.help.no-pdf": "nevytvářet zápisy z jednání v PDF (WeasyPrint)",
    "web.pdf": "Zápisy v PDF se nevytvořily: {why}. Ostatní stránky jsou hotové (kód 0).",
    "web.pdf.package": "chybí balíček WeasyPrint (pip install -e .[site])",
    "web.pdf.library":
        "WeasyPrint nenašel systémovou knihovnu ({detail}); nainstalujte ji skriptem "
        "scripts/install-pdf.sh",
}
