
error-not-found = Ta strona nie istnieje lub nie ma do niej dostępu.
error-sign-in-required = Aby kontynuować, proszę się zalogować.
error-unavailable = Usługa jest zajęta. Proszę spróbować ponownie za chwilę.
error-too-many = Zbyt wiele prób. Proszę odczekać { $seconds ->
    [one] sekundę
    [few] { $seconds } sekundy
   *[many] { $seconds } sekund
} i spróbować ponownie.
error-body-timeout = Przesyłanie żądania trwało zbyt długo. Proszę sprawdzić połączenie i spróbować ponownie.
error-internal = Wystąpił błąd po naszej stronie. Został zapisany w dzienniku; proszę spróbować ponownie.
error-form-malformed = Formularz był niekompletny lub nieprawidłowy. Proszę odświeżyć stronę i spróbować ponownie.
error-query-malformed = Adres zawiera parametry, których ta strona nie obsługuje.
error-csrf = Ten formularz wygasł lub został wysłany z innej witryny. Proszę odświeżyć stronę i spróbować ponownie.
error-unknown-locale = Proszę wybrać język z listy: English lub Polski.
error-search-too-long = Tekst wyszukiwania może mieć najwyżej { $max ->
    [one] { $max } znak
    [few] { $max } znaki
   *[many] { $max } znaków
}.
error-quantity-range = Liczba musi być liczbą całkowitą od 1 do { $max }.
error-choose-status = Proszę wybrać stan: Aktywna lub Wstrzymana.

# Odmowy
error-purchases-blocked = Zakupy dla tego klienta są zablokowane: nie ma on już relacji odsprzedawcy z partnerem. Relację trzeba najpierw przywrócić żądaniem relacji.
denied-view-customers = Przypisane role nie dają dostępu do klientów.
denied-manage-subscriptions = Wymaga roli administratora globalnego, agenta administracyjnego lub agenta sprzedaży.
denied-remove-relationship = Wymaga roli administratora globalnego.
denied-request-relationship = Wymaga roli administratora globalnego, agenta administracyjnego lub agenta sprzedaży.
denied-manage-delegated-admin = Wymaga roli administratora globalnego lub agenta administracyjnego.
denied-manage-support-contacts = Wymaga roli administratora globalnego, agenta administracyjnego lub agenta pomocy technicznej.
denied-manage-users = Wymaga roli administratora globalnego lub administratora zarządzania użytkownikami.
denied-view-activity = Przypisane role nie dają dostępu do dziennika aktywności.

# Co blokuje usunięcie relacji odsprzedawcy
blocker-indirect-reseller = Odsprzedawca pośredni nie może usunąć relacji odsprzedawcy; może to zrobić jego dostawca pośredni.
blocker-no-relationship = Ten klient nie ma relacji odsprzedawcy z partnerem.
blocker-active-subscription = Subskrypcja „{ $name }” jest aktywna: należy ją wstrzymać.
blocker-active-reservation = Rezerwacja platformy Azure „{ $name }” jest aktywna: należy ją anulować.
blocker-active-software = Zakup oprogramowania „{ $name }” jest aktywny: należy go anulować.
blocker-open-subscription = Otwórz subskrypcję
blocker-go-to-reservation = Przejdź do rezerwacji
blocker-go-to-purchase = Przejdź do zakupu
blocker-items-active = { $count ->
    [one] 1 pozycja jest nadal aktywna.
    [few] { $count } pozycje są nadal aktywne.
   *[many] { $count } pozycji jest nadal aktywnych.
} Najpierw trzeba wstrzymać wszystkie aktywne subskrypcje oraz anulować rezerwacje platformy Azure, plany oszczędnościowe platformy Azure i zakupy oprogramowania.
action-suspend = Wstrzymaj
action-cancel = Anuluj

# Filtry dziennika aktywności
activity-error-cursor = Ten link do strony jest uszkodzony. Proszę zacząć od pierwszej strony.
activity-error-start-date = Data początkowa musi mieć postać 2026-11-24.
activity-error-end-date = Data końcowa musi mieć postać 2026-11-24.
activity-error-date-order = Data początkowa jest późniejsza niż końcowa. Proszę wybrać datę początkową nie późniejszą niż końcowa.
activity-error-customer-length = Nazwa klienta może mieć najwyżej { $max ->
    [one] { $max } znak
    [few] { $max } znaki
   *[many] { $max } znaków
}.
activity-error-customer = Filtr klienta nie wskazuje żadnego z klientów partnera.
activity-error-operation = Proszę wybrać typ operacji z listy.
activity-error-user = Proszę wybrać użytkownika z listy.

# Żądania relacji i zaproszenia
error-choose-dap = Proszę wybrać, czy dołączyć delegowane uprawnienia administratora.
error-request-not-revocable = Tego żądania nie można odwołać: jest już { $status }.
request-pending = oczekujące
request-accepted = zaakceptowane
request-revoked = odwołane
error-dap-already-off = Delegowane uprawnienia administratora są już odebrane.
invitation-error-domain = Proszę podać domenę podstawową Państwa organizacji, na przykład contoso.onmicrosoft.com.
invitation-error-company = Proszę podać nazwę firmy (do 200 znaków): ta domena jest dla nas nowa.
invitation-error-country = Proszę wybrać kraj z listy.
invitation-error-domain-taken = Domena { $domain } należy już do innej organizacji. To zaproszenie jest przeznaczone dla nowej organizacji: prosimy zwrócić się do partnera o zaproszenie, które wskazuje Państwa organizację.
error-request-already-reseller = { $company } ma już relację odsprzedawcy z partnerem: zaproszenie nie jest potrzebne.
invitation-error-already-reseller = { $partner } jest już Państwa odsprzedawcą. Niczego nie zmieniono.
invitation-closed-accepted = To zaproszenie zostało już zaakceptowane. Każdy link działa tylko raz.
invitation-closed-revoked = Partner wycofał to zaproszenie. O nowe prosimy zwrócić się do partnera.
invitation-closed-expired = To zaproszenie wygasło { $date }. O nowe prosimy zwrócić się do partnera.

# Hasła
password-error-short = Hasło musi mieć co najmniej { $min ->
    [one] { $min } znak
    [few] { $min } znaki
   *[many] { $min } znaków
}.
password-error-long = Hasło może mieć najwyżej { $max ->
    [one] { $max } znak
    [few] { $max } znaki
   *[many] { $max } znaków
}.
password-error-weak = To hasło łatwo odgadnąć (jest popularne, jest prostym wzorem albo przypomina imię, nazwisko, adres lub nazwę firmy). Proszę wybrać dłuższe: dobrze sprawdza się kilka niepowiązanych słów.
password-error-blank = Hasło nie może składać się z samych spacji.
password-error-invisible = Hasło zawiera niewidoczne znaki (np. spacje o zerowej szerokości): proszę wpisać je ponownie bez nich.
password-error-mismatch = Dwa nowe hasła nie są takie same.
password-error-email = Hasło nie może być adresem e-mail konta.
password-error-current = Obecne hasło jest nieprawidłowe.

# Nieprawidłowe żądania
error-address-characters = Adres zawiera niedozwolone znaki.
error-form-unreadable = Nie udało się odczytać formularza.
error-form-too-large = Formularz jest za duży.
error-form-characters = Formularz zawiera niedozwolone znaki.
error-choose-term = Proszę wybrać okres z listy.
error-choose-offer = Proszę wybrać ofertę z listy.

# Subskrypcje, rezerwacje, oprogramowanie
error-subscription-already = Ta subskrypcja jest już { $status ->
    [active] aktywna
    [suspended] wstrzymana
    [deleted] anulowana
   *[expired] wygasła
}.
error-subscription-final = Subskrypcja { $status ->
    [active] aktywna
    [suspended] wstrzymana
    [deleted] anulowana
   *[expired] wygasła
} nie może zmienić stanu.
error-reactivate-base = Najpierw trzeba ponownie aktywować subskrypcję podstawową „{ $name }”.
error-subscription-target = Tutaj nie można zmienić stanu subskrypcji na { $status ->
    [active] „Aktywna”
    [suspended] „Wstrzymana”
    [deleted] „Anulowana”
   *[expired] „Wygasła”
}.
error-reservation-cancelled = Ta rezerwacja platformy Azure jest już anulowana.
error-software-cancelled = Ten zakup oprogramowania jest już anulowany.
error-software-window = Zakup oprogramowania można anulować tylko w ciągu { $days ->
    [one] { $days } dnia
   *[other] { $days } dni
}; ten został dokonany { $date }.
error-choose-addon = Proszę wybrać dodatek z listy.
error-addon-of-addon = Dodatki kupuje się do subskrypcji podstawowej, a nie do innego dodatku.
error-addon-inactive-base = Dodatki można kupić tylko do aktywnej subskrypcji.
error-legacy-cancel = Subskrypcji w starszej wersji nie można tu anulować: można je tylko wstrzymać.
error-cancel-not-active = Anulować można tylko aktywną subskrypcję; ta jest { $status ->
    [active] aktywna
    [suspended] wstrzymana
    [deleted] anulowana
   *[expired] wygasła
}.
error-choose-support-contact = Proszę wybrać kontakt pomocy technicznej z listy.

# Użytkownicy
users-error-email-taken = Ten adres e-mail jest już używany przez inne konto. Każdy użytkownik musi mieć własny adres.
users-error-email-domain = Adres musi należeć do zweryfikowanej domeny partnera { $partner }: { $domains }.
users-error-no-domains = Partner { $partner } nie ma jeszcze zweryfikowanej domeny, więc nie można dodać użytkownika. Domenę dodaje na prośbę operator PartnerDesk.
users-error-no-role = Proszę wybrać co najmniej jedną rolę.
users-error-email-missing = Proszę podać adres e-mail użytkownika.
users-error-email-invalid = Proszę podać prawidłowy adres e-mail, na przykład ada@example.com.
users-error-email-long = Adres e-mail może mieć najwyżej { $max ->
    [one] { $max } znak
    [few] { $max } znaki
   *[many] { $max } znaków
}.
users-error-name-missing = Proszę podać imię i nazwisko użytkownika.
users-error-name-long = Imię i nazwisko może mieć najwyżej { $max ->
    [one] { $max } znak
    [few] { $max } znaki
   *[many] { $max } znaków
}.
users-error-name-control = Imię i nazwisko nie może zawierać znaków sterujących ani zmieniających kierunek tekstu.
users-error-last-global-admin = { $name } jest ostatnim aktywnym administratorem globalnym partnera { $partner }; najpierw trzeba nadać tę rolę komuś innemu.
users-error-disable-self = Nie można wyłączyć własnego konta. Może to zrobić inny administrator.
users-error-reset-self = Własne hasło można zmienić w sekcji Zmień hasło, gdzie wymagane jest podanie obecnego hasła.
offboarding-error-changed = Od wyświetlenia podglądu coś się zmieniło. Proszę przejrzeć nowy podgląd i potwierdzić ponownie.
users-error-choose-roles = Proszę wybrać role z listy.
signin-one-time-expired = To hasło jednorazowe wygasło { $date }. Nowe może nadać administrator użytkowników w Państwa organizacji.
signin-locked = Zbyt wiele błędnych prób: konto jest na jakiś czas zablokowane. Proszę spróbować ponownie później.
signin-code-wrong = Ten kod jest nieprawidłowy. Proszę sprawdzić czas w telefonie i wpisać kod, który aplikacja pokazuje teraz.
signin-code-used = Ten kod został już użyty. Proszę poczekać, aż aplikacja pokaże następny.
signin-code-not-now = Najpierw trzeba skonfigurować aplikację uwierzytelniającą.
signin-enrol-not-now = Logowanie dwuetapowe jest już skonfigurowane dla tego konta.
signin-password-not-one-time = To hasło nie jest hasłem jednorazowym: nie ma czego zastępować.
password-error-same = Nowe hasło musi różnić się od hasła jednorazowego.
users-error-second-step-self = Nie można zresetować własnego logowania dwuetapowego: może to zrobić inny administrator globalny.
users-error-second-step-admin = Tylko administrator globalny może zresetować logowanie dwuetapowe innej osoby.

# API /v1 i klucze API
error-etag-stale = Subskrypcja zmieniła się od chwili jej odczytania. Proszę odczytać ją ponownie i wysłać nowy etag w nagłówku If-Match.
api-key-error-name = Proszę nadać kluczowi nazwę o długości od 1 do { $max } znaków, na przykład nazwę używającego go skryptu.
api-key-error-days = Klucz może być ważny od 1 do { $max } dni.
api-key-error-revoked = Ten klucz został już odwołany.
api-error-unauthorized = Proszę wysłać ważny klucz API w nagłówku „Authorization: Bearer <klucz>”. Klucze tworzy się i odwołuje na stronie profilu; klucz przestaje działać po wygaśnięciu, odwołaniu lub wyłączeniu jego użytkownika.
api-error-body = Treść żądania musi być obiektem JSON o rozmiarze najwyżej { $max } bajtów, z polami opisanymi dla tej operacji.
api-error-customer-patch = Proszę wysłać „relationshipToPartner”: „none”, aby usunąć relację odsprzedawcy, albo „allowDelegatedAccess”: false, aby usunąć delegowane uprawnienia administratora.
api-error-subscription-patch = Proszę wysłać „status”: „active”, „suspended” lub „deleted” albo „autoRenewEnabled”: true lub false (można oba).
api-error-filter = Filtr musi być zakodowanym w adresie obiektem JSON, na przykład {"{"}"Field":"CompanyName","Value":"Contoso","Operator":"starts_with"{"}"}. Pola: { $fields }; operator: { $operators }.
api-error-size = Parametr „size” musi być liczbą całkowitą od 1 do { $max }.
api-error-token = Ten token kontynuacji nie należy do tej listy. Proszę zacząć od pierwszej strony.
api-error-date = Daty muszą mieć postać 2026-12-01 lub 2026-12-01T10:00:00Z, a startDate nie może być późniejsza niż endDate.
api-error-header = Nagłówek { $header } może mieć najwyżej 128 liter, cyfr, myślników, kropek lub podkreśleń.
denied-remove-ask = Relację odsprzedawcy może usunąć tylko administrator globalny. Proszę zwrócić się do jednego z administratorów globalnych organizacji: { $names }.

# Żądania relacji: odbiorca, przedłużenie i ponowne wysłanie
error-request-recipient-email = Proszę wpisać adres e-mail administratora klienta, do którego trafi zaproszenie, na przykład admin@contoso.com.
error-request-recipient-name = Proszę wpisać nazwę nowego klienta (do 200 znaków), aby lista pokazywała, dla kogo jest zaproszenie.
error-request-not-extendable = To żądanie jest { $status }: przedłużyć można tylko oczekujące żądanie. Nic nie zmieniono.
error-request-not-resendable = To żądanie jest { $status }: nowy link można utworzyć tylko dla oczekującego żądania. Nic nie zmieniono.
request-expired = wygasłe
error-customers-readiness = Proszę wybrać, których klientów pokazać: wszystkich, gotowych do usunięcia lub zablokowanych.

# Nowe środowisko handlowe: blokady usunięcia i odmowy
blocker-nce-cancel = Subskrypcja nowego środowiska handlowego „{ $name }” jest rozliczana, dopóki trwa: należy ją anulować (ze zwrotem środków) przed { $until }.
blocker-nce-auto-renew = Subskrypcji nowego środowiska handlowego „{ $name }” nie można już anulować i jest ona rozliczana do { $billed }: należy wyłączyć automatyczne odnawianie, aby wtedy wygasła.
blocker-nce-runs-out = Subskrypcja nowego środowiska handlowego „{ $name }” jest rozliczana do { $billed }, kiedy wygaśnie (automatyczne odnawianie jest wyłączone).
error-nce-window-closed = Subskrypcje nowego środowiska handlowego można anulować tylko w ciągu 168 godzin od zakupu lub odnowienia; termin dla tej subskrypcji upłynął { $until }. Zamiast tego można wyłączyć automatyczne odnawianie: subskrypcja będzie rozliczana do { $billed }, a potem wygaśnie.
error-auto-renew-legacy = Automatyczne odnawianie można wyłączyć tylko w subskrypcjach nowego środowiska handlowego; subskrypcję w starszej wersji należy wstrzymać.
error-auto-renew-already-on = Automatyczne odnawianie jest już włączone.
error-auto-renew-already-off = Automatyczne odnawianie jest już wyłączone.
error-choose-auto-renew = Proszę wybrać, czy automatyczne odnawianie ma być włączone, czy wyłączone.
denied-request-removal-self = Administrator globalny może usunąć relację odsprzedawcy bez wysyłania prośby.
request-removal-no-relationship = Relacja odsprzedawcy z tym klientem została już usunięta. Prośba nie jest potrzebna.
request-removal-no-admins = Organizacja nie ma aktywnego administratora globalnego, do którego można wysłać prośbę.

# Scheduled removal
schedule-error-date = Proszę wybrać datę usunięcia (rok-miesiąc-dzień).
schedule-error-past = Data usunięcia już minęła: proszę wybrać dzisiejszy lub późniejszy dzień.
schedule-error-too-early = Relacji nie można usunąć przed { $date }: proszę wybrać ten lub późniejszy dzień.
schedule-error-exists = Usunięcie jest już zaplanowane na { $date }: aby wybrać inny dzień, należy najpierw anulować ten harmonogram.
schedule-error-none = Dla tego klienta nie zaplanowano usunięcia: zostało już wykonane albo anulowane.
schedule-refused-inactive = Użytkownik { $name }, który je zaplanował, nie jest już aktywny.
schedule-refused-role = Użytkownik { $name }, który je zaplanował, nie ma już roli administratora globalnego.
schedule-refused-new-relationship = Relacja odsprzedawcy została ponownie nawiązana po zaplanowaniu usunięcia.

# Plany oszczędnościowe platformy Azure
blocker-active-savings-plan = Plan oszczędnościowy platformy Azure „{ $name }” jest aktywny: należy go anulować.
blocker-go-to-savings-plan = Przejdź do planu oszczędnościowego
error-savings-plan-cancelled = Ten plan oszczędnościowy platformy Azure jest już anulowany.
# Second-person approval of a removal
approval-error-none = Dla tego klienta żadna prośba o usunięcie nie czeka na zatwierdzenie.
approval-error-expired = Prośba o usunięcie wygasła { $date } bez zatwierdzenia przez drugiego administratora globalnego; nic nie zostało usunięte. Administrator globalny może poprosić ponownie.
approval-error-same-person = Osoba, która poprosiła o usunięcie, nie może sama go zatwierdzić. Musi to zrobić inny administrator globalny.
approval-error-exists = Usunięcie zlecone przez: { $name } już czeka na drugiego administratora globalnego (do { $date }).
approval-error-reason-long = Powód jest za długi: najwyżej 500 znaków.
schedule-refused-approval = Państwa organizacja wymaga zatwierdzenia każdego usunięcia przez drugiego administratora globalnego, a zaplanowanego usunięcia nie ma kto zatwierdzić. Proszę usunąć relację na stronie Konto.
denied-manage-gdap = Wymaga roli administratora globalnego lub agenta administracyjnego.
gdap-error-status = Relacji GDAP „{ $name }” nie można { $action }, gdy ma status: { $status }.
gdap-action-send = wysłać do zatwierdzenia
gdap-action-approve = zatwierdzić
gdap-action-decline = odrzucić
gdap-action-terminate = zakończyć
gdap-action-auto-extend = zmienić
gdap-error-name = Proszę podać nazwę o długości od 1 do 50 znaków.
gdap-error-name-taken = Relacja GDAP o nazwie „{ $name }” już istnieje. Proszę wybrać inną nazwę.
gdap-error-duration = Proszę podać czas trwania od 1 do 730 dni.
gdap-error-auto-extend = Automatyczne przedłużanie wynosi 180 dni albo jest wyłączone.
gdap-error-no-roles = Proszę wybrać co najmniej jedną rolę Microsoft Entra.
gdap-error-role = Proszę wybrać role z listy.
gdap-error-auto-extend-global-admin = Relacja z rolą administratora globalnego nie może być przedłużana automatycznie. Proszę wyłączyć automatyczne przedłużanie albo pominąć tę rolę.
gdap-error-bulk-none = Proszę zaznaczyć co najmniej jedną relację GDAP.
gdap-error-bulk-limit = Jednocześnie można zaznaczyć najwyżej { $limit } relacji GDAP.
groups-error-name-missing = Proszę podać nazwę grupy.
groups-error-name-long = Nazwa jest za długa: najwyżej { $max ->
    [one] { $max } znak
    [few] { $max } znaki
   *[many] { $max } znaków
}.
groups-error-name-control = Nazwa zawiera niewidoczne znaki. Proszę wpisać ją ponownie.
groups-error-name-taken = Państwa organizacja ma już grupę zabezpieczeń o nazwie „{ $name }”. Proszę wybrać inną nazwę.
groups-error-has-assignments = Grupa zabezpieczeń „{ $name }” nadal daje dostęp do klientów przez { $count ->
    [one] { $count } przypisanie dostępu GDAP
    [few] { $count } przypisania dostępu GDAP
   *[many] { $count } przypisań dostępu GDAP
}. Najpierw proszę usunąć jej przypisania na kartach Dostęp klientów.
access-error-relationship-not-active = Dostęp można przypisać tylko w aktywnej lub wygasającej relacji GDAP; relacja „{ $name }” ma stan { $status }.
access-error-no-role = Proszę wybrać co najmniej jedną rolę.
access-error-role-not-in-relationship = Relacja GDAP „{ $name }” nie obejmuje roli { $role }. Proszę wybrać spośród jej ról.
access-error-exists = Grupa zabezpieczeń „{ $group }” ma już dostęp przez relację „{ $name }”. Proszę zamiast tego zmienić role tego przypisania.
tenant-error-admin-name = Prosimy podać imię i nazwisko administratora (najwyżej 200 znaków).
tenant-error-admin-email = Prosimy podać adres e-mail administratora, np. imie@example.com.
tenant-error-admin-taken = Ten adres e-mail należy już do administratora klienta. Prosimy podać inny.
invitation-error-other-customer = Są Państwo zalogowani jako administrator innej organizacji. To zaproszenie może przyjąć tylko administrator organizacji, którą ono wskazuje.
invitation-error-first-admin = Aby przyjąć to zaproszenie, prosimy podać dane pierwszego administratora Państwa organizacji.
invitation-error-sign-in-first = Aby przyjąć to zaproszenie, prosimy zalogować się jako administrator organizacji, którą ono wskazuje.
tenant-admins-error-reset-self = Tutaj nie można zresetować własnego hasła: może to zrobić inny administrator Państwa organizacji.
tenant-admins-error-second-step-self = Nie można zresetować własnego logowania dwuetapowego: może to zrobić inny administrator Państwa organizacji.
tenant-admins-error-disable-self = Nie można wyłączyć własnego konta: może to zrobić inny administrator Państwa organizacji.
