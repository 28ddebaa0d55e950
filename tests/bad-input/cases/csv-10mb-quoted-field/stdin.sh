printf 'id,birth,sex,plan,collective,backpay,note\nBIG,1980-01,female,,,5:1000,"'
head -c 2500000 /dev/zero | tr '\0' 'x' | sed 's/x/"",\n/g'
printf '"\nB2,1980-01,female,,,5:1000,short\n'
