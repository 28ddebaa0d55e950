printf 'id,birth,sex,plan,collective,backpay\n'
printf 'N16,1980-01,female,,,%s:1000\n' "$(printf %016d 5)"
printf 'N1000,1980-01,female,,,%s:1000\n' "$(printf %01000d 5)"
printf 'N64,1980-01,female,,,%s:1000\n' "$(printf %064d 500)"
