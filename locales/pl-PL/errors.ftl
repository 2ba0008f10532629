
error-not-found = Ta strona nie istnieje lub nie masz do niej dostępu.
error-sign-in-required = Zaloguj się, aby kontynuować.
error-unavailable = Usługa jest zajęta. Spróbuj ponownie za chwilę.
error-too-many = Zbyt wiele prób. Odczekaj { $seconds ->
    [one] sekundę
    [few] { $seconds } sekundy
   *[many] { $seconds } sekund
} i spróbuj ponownie.
error-body-timeout = Przesyłanie żądania trwało zbyt długo. Sprawdź połączenie i spróbuj ponownie.
error-internal = Wystąpił błąd po naszej stronie. Został zapisany w dzienniku; spróbuj ponownie.
error-form-malformed = Formularz był niekompletny lub nieprawidłowy. Odśwież stronę i spróbuj ponownie.
error-query-malformed = Adres zawiera parametry, których ta strona nie obsługuje.
error-csrf = Ten formularz wygasł lub został wysłany z innej witryny. Odśwież stronę i spróbuj ponownie.
error-unknown-locale = Wybierz język z listy: English lub Polski.
error-search-too-long = Tekst wyszukiwania może mieć najwyżej { $max } znaków.
error-quantity-range = Liczba musi być liczbą całkowitą od 1 do { $max }.
error-choose-status = Wybierz stan: Aktywna lub Wstrzymano.

# Odmowy
error-purchases-blocked = Zakupy dla tego klienta są zablokowane: nie ma już z Tobą relacji odsprzedawcy. Najpierw przywróć relację za pomocą żądania relacji.
denied-view-customers = Twoje role nie dają dostępu do klientów.
denied-manage-subscriptions = Wymaga roli Administrator globalny, Agent administracyjny lub Agent sprzedaży.
denied-remove-relationship = Wymaga roli Administrator globalny.
denied-request-relationship = Wymaga roli Administrator globalny, Agent administracyjny lub Agent sprzedaży.
denied-manage-delegated-admin = Wymaga roli Administrator globalny lub Agent administracyjny.
denied-manage-support-contacts = Wymaga roli Administrator globalny, Agent administracyjny lub Agent pomocy technicznej.
denied-manage-users = Wymaga roli Administrator globalny lub Administrator zarządzania użytkownikami.
denied-view-activity = Twoje role nie dają dostępu do dziennika aktywności.

# Co blokuje usunięcie relacji odsprzedawcy
blocker-indirect-reseller = Odsprzedawcy pośredni nie mogą usunąć relacji odsprzedawcy; może to zrobić Twój dostawca pośredni.
blocker-no-relationship = Ten klient nie ma z Tobą relacji odsprzedawcy.
blocker-active-subscription = Subskrypcja „{ $name }” jest aktywna: wstrzymaj ją.
blocker-active-reservation = Rezerwacja platformy Azure „{ $name }” jest aktywna: anuluj ją.
blocker-active-software = Zakup oprogramowania „{ $name }” jest aktywny: anuluj go.
blocker-open-subscription = Otwórz subskrypcję
blocker-go-to-reservation = Przejdź do rezerwacji
blocker-go-to-purchase = Przejdź do zakupu
blocker-items-active = { $count ->
    [one] 1 pozycja jest nadal aktywna.
    [few] { $count } pozycje są nadal aktywne.
   *[many] { $count } pozycji jest nadal aktywnych.
} Wstrzymaj wszystkie aktywne subskrypcje i najpierw anuluj rezerwacje platformy Azure oraz zakupy oprogramowania.
action-suspend = Wstrzymaj
action-cancel = Anuluj

# Filtry dziennika aktywności
activity-error-cursor = Ten link do strony jest uszkodzony. Zacznij od pierwszej strony.
activity-error-start-date = Data początkowa musi mieć postać 2026-11-24.
activity-error-end-date = Data końcowa musi mieć postać 2026-11-24.
activity-error-date-order = Data początkowa jest późniejsza niż końcowa. Wybierz datę początkową nie późniejszą niż końcowa.
activity-error-customer-length = Nazwa klienta może mieć najwyżej { $max } znaków.
activity-error-customer = Filtr klienta nie wskazuje żadnego z Twoich klientów.
activity-error-operation = Wybierz typ operacji z listy.
activity-error-user = Wybierz użytkownika z listy.

# Żądania relacji i zaproszenia
error-choose-dap = Wybierz, czy dołączyć uprawnienia administratora delegowanego.
error-request-not-revocable = To żądanie jest { $status } i nie można go odwołać.
request-pending = oczekujące
request-accepted = zaakceptowane
request-revoked = odwołane
error-dap-already-off = Uprawnienia administratora delegowanego są już wyłączone.
invitation-error-domain = Prosimy wpisać domenę podstawową organizacji, na przykład contoso.onmicrosoft.com.
invitation-error-company = Prosimy wpisać nazwę firmy (do 200 znaków): ta domena jest dla nas nowa.
invitation-error-country = Prosimy wybrać kraj z listy.
invitation-error-domain-taken = Domena { $domain } należy już do organizacji. To zaproszenie jest przeznaczone dla nowej organizacji: prosimy poprosić partnera o zaproszenie, które wskazuje Państwa organizację.
error-request-already-reseller = { $company } ma już z Tobą relację odsprzedawcy: nie ma do czego go zapraszać.
invitation-error-already-reseller = { $partner } jest już odsprzedawcą Państwa organizacji. Nic nie zmieniono.
invitation-closed-accepted = To zaproszenie zostało już zaakceptowane. Każdy link działa tylko raz.
invitation-closed-revoked = Partner wycofał to zaproszenie. Prosimy poprosić go o nowe.
invitation-closed-expired = To zaproszenie wygasło { $date }. Prosimy poprosić partnera o nowe.

# Hasła
password-error-short = Hasło musi mieć co najmniej { $min } znaków.
password-error-long = Hasło może mieć najwyżej { $max } znaków.
password-error-weak = To hasło łatwo odgadnąć (jest popularne, jest prostym wzorem albo przypomina Twoje imię, adres lub nazwę firmy). Wybierz dłuższe: dobrze sprawdza się kilka niepowiązanych słów.
password-error-blank = Hasło nie może składać się z samych spacji.
password-error-invisible = Hasło zawiera niewidoczne znaki (np. spacje o zerowej szerokości): wpisz je ponownie bez nich.
password-error-mismatch = Dwa nowe hasła nie są takie same.
password-error-email = Hasło nie może być Twoim adresem e-mail.
password-error-current = Obecne hasło jest nieprawidłowe.

# Nieprawidłowe żądania
error-address-characters = Adres zawiera niedozwolone znaki.
error-form-unreadable = Nie udało się odczytać formularza.
error-form-too-large = Formularz jest za duży.
error-form-characters = Formularz zawiera niedozwolone znaki.
error-choose-term = Wybierz okres z listy.
error-choose-offer = Wybierz ofertę z listy.

# Subskrypcje, rezerwacje, oprogramowanie
error-subscription-already = Ta subskrypcja ma już stan { $status ->
    [active] Aktywna
    [suspended] Wstrzymano
    [deleted] Anulowana
   *[expired] Wygasła
}.
error-subscription-final = Subskrypcja w stanie { $status ->
    [active] Aktywna
    [suspended] Wstrzymano
    [deleted] Anulowana
   *[expired] Wygasła
} nie może zmienić stanu.
error-reactivate-base = Najpierw aktywuj ponownie subskrypcję podstawową „{ $name }”.
error-subscription-target = Tutaj nie można ustawić subskrypcji w stanie { $status ->
    [active] Aktywna
    [suspended] Wstrzymano
    [deleted] Anulowana
   *[expired] Wygasła
}.
error-reservation-cancelled = Ta rezerwacja platformy Azure jest już anulowana.
error-software-cancelled = Ten zakup oprogramowania jest już anulowany.
error-software-window = Zakupy oprogramowania można anulować tylko w ciągu { $days } dni; ten kupiono { $date }.
error-choose-addon = Wybierz dodatek z listy.
error-addon-of-addon = Dodatki kupuje się do subskrypcji podstawowej, a nie do innego dodatku.
error-addon-inactive-base = Dodatki można kupić tylko do aktywnej subskrypcji.
error-legacy-cancel = Subskrypcji w starszej wersji nie można tu anulować: wstrzymaj je.
error-cancel-not-active = Anulować można tylko aktywną subskrypcję; ta ma stan { $status ->
    [active] Aktywna
    [suspended] Wstrzymano
    [deleted] Anulowana
   *[expired] Wygasła
}.
error-nce-window = Subskrypcje nowego środowiska handlowego można anulować tylko w ciągu { $days } dni od zakupu; tę kupiono { $date }.
error-choose-support-contact = Wybierz kontakt pomocy technicznej z listy.

# Użytkownicy
users-error-email-taken = Ten adres e-mail jest już używany przez inne konto. Każdy użytkownik potrzebuje własnego adresu.
users-error-email-domain = Użyj adresu w zweryfikowanej domenie partnera { $partner }: { $domains }.
users-error-no-domains = Partner { $partner } nie ma jeszcze zweryfikowanej domeny, więc nie można dodać użytkownika: poproś operatora PartnerDesk o dodanie Twojej domeny.
users-error-no-role = Wybierz co najmniej jedną rolę.
users-error-email-missing = Wpisz adres e-mail użytkownika.
users-error-email-invalid = Wpisz prawidłowy adres e-mail, na przykład ada@example.com.
users-error-email-long = Adres e-mail może mieć najwyżej { $max } znaków.
users-error-name-missing = Wpisz imię i nazwisko użytkownika.
users-error-name-long = Imię i nazwisko może mieć najwyżej { $max } znaków.
users-error-name-control = Imię i nazwisko nie może zawierać znaków sterujących ani zmieniających kierunek tekstu.
users-error-last-global-admin = { $name } jest ostatnim aktywnym Administratorem globalnym { $partner }; najpierw nadaj tę rolę komuś innemu.
users-error-disable-self = Nie możesz wyłączyć własnego konta. Poproś o to innego administratora.
users-error-reset-self = Własne hasło zmienisz w sekcji Zmień hasło, gdzie trzeba podać obecne hasło.
offboarding-error-changed = Coś się zmieniło od wyświetlenia podglądu. Przejrzyj nowy podgląd i potwierdź ponownie.
users-error-choose-roles = Wybierz role z listy.
signin-one-time-expired = To hasło jednorazowe wygasło { $date }. Poproś administratora użytkowników w swojej organizacji o nowe.
signin-locked = Zbyt wiele błędnych prób: konto jest na jakiś czas zablokowane. Spróbuj ponownie później.
signin-code-wrong = Ten kod jest nieprawidłowy. Sprawdź czas w telefonie i wpisz kod, który aplikacja pokazuje teraz.
signin-code-used = Ten kod został już użyty. Poczekaj, aż aplikacja pokaże następny.
signin-code-not-now = Najpierw skonfiguruj aplikację uwierzytelniającą.
signin-enrol-not-now = Logowanie dwuetapowe jest już skonfigurowane dla tego konta.
signin-password-not-one-time = Twoje hasło nie jest hasłem jednorazowym: nie ma czego zastępować.
password-error-same = Nowe hasło musi różnić się od hasła jednorazowego.
users-error-second-step-self = Nie możesz zresetować własnego logowania dwuetapowego: poproś innego Administratora globalnego.
users-error-second-step-admin = Tylko Administrator globalny może zresetować czyjeś logowanie dwuetapowe.

# API /v1 i klucze API
error-etag-stale = Subskrypcja zmieniła się od chwili jej odczytania. Proszę odczytać ją ponownie i wysłać nowy etag w nagłówku If-Match.
api-key-error-name = Proszę nadać kluczowi nazwę o długości od 1 do { $max } znaków, na przykład nazwę używającego go skryptu.
api-key-error-days = Klucz może być ważny od 1 do { $max } dni.
api-key-error-revoked = Ten klucz został już odwołany.
api-error-unauthorized = Proszę wysłać ważny klucz API w nagłówku „Authorization: Bearer <klucz>”. Klucze tworzy się i odwołuje na stronie profilu; klucz przestaje działać po wygaśnięciu, odwołaniu lub wyłączeniu jego użytkownika.
api-error-body = Treść żądania musi być obiektem JSON o rozmiarze najwyżej { $max } bajtów, z polami opisanymi dla tej operacji.
api-error-customer-patch = Proszę wysłać „relationshipToPartner”: „none”, aby usunąć relację odsprzedawcy, albo „allowDelegatedAccess”: false, aby usunąć delegowane uprawnienia administratora.
api-error-subscription-patch = Proszę wysłać „status”: „active”, „suspended” lub „deleted”.
api-error-filter = Filtr musi być zakodowanym w adresie obiektem JSON, na przykład {"{"}"Field":"CompanyName","Value":"Contoso","Operator":"starts_with"{"}"}. Pola: { $fields }; operator: { $operators }.
api-error-size = Parametr „size” musi być liczbą całkowitą od 1 do { $max }.
api-error-token = Ten token kontynuacji nie należy do tej listy. Proszę zacząć od pierwszej strony.
api-error-date = Daty muszą mieć postać 2026-12-01 lub 2026-12-01T10:00:00Z, a startDate nie może być późniejsza niż endDate.
api-error-header = Nagłówek { $header } może mieć najwyżej 128 liter, cyfr, myślników, kropek lub podkreśleń.

# Żądania relacji: odbiorca, przedłużenie i ponowne wysłanie
error-request-recipient-email = Proszę wpisać adres e-mail administratora klienta, do którego trafi zaproszenie, na przykład admin@contoso.com.
error-request-recipient-name = Proszę wpisać nazwę nowego klienta (do 200 znaków), aby lista pokazywała, dla kogo jest zaproszenie.
error-request-not-extendable = To żądanie jest { $status }: przedłużyć można tylko oczekujące żądanie. Nic nie zmieniono.
error-request-not-resendable = To żądanie jest { $status }: nowy link można utworzyć tylko dla oczekującego żądania. Nic nie zmieniono.
request-expired = wygasłe
