printf '%s' 'id,status,error,claim_month,years_paid,years_missing,balance,account_pension,base_pension,years_pension,age_supplement,monthly_total,personal_total,breakeven_month,epv_benefits'
i=0; while [ $i -lt 200 ]; do printf ',c%d' $i; i=$((i + 1)); done; echo
printf 'W1,error,row is longer than 1048576 bytes,,,,,,,,,,,,'
x=$(head -c 6000 /dev/zero | tr '\0' 'x'); i=0; while [ $i -lt 174 ]; do printf ',%s' "$x"; i=$((i + 1)); done
i=0; while [ $i -lt 26 ]; do printf ','; i=$((i + 1)); done; echo
printf 'W2,not_eligible,,2040-02,5,10,5000.00,,,,,,5000.00,,'; i=0; while [ $i -lt 200 ]; do printf ','; i=$((i + 1)); done; echo
