# Sentences that have no key of their own yet, shown as they are.
untranslated = { $text }

error-not-found = Ta strona nie istnieje lub nie masz do niej dostępu.
error-sign-in-required = Zaloguj się, aby kontynuować.
error-unavailable = Usługa jest zajęta. Spróbuj ponownie za chwilę.
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
